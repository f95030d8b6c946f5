//! Numbers, years, dates and document references of a text, as comparable
//! values: `2013. gada` and `over 2013` are both the year 2013; `9981/10` and
//! `9981/1/10 REV 1` are different documents.

use std::collections::BTreeSet;

/// The comparable values in `text`.
pub fn values(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let b = text.as_bytes();
    let at = |k: usize| b.get(k).copied();
    let digit_at = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    let mut i = 0;
    let mut run_end = 0;
    let mut token_failed_until = 0;
    // `tail` is `b[i..]`, `c` its first byte.
    while let Some(tail @ &[c, ..]) = b.get(i..) {
        let after_alnum = i
            .checked_sub(1)
            .and_then(at)
            .is_some_and(|p| p.is_ascii_alphanumeric());
        if !c.is_ascii_digit() || (after_alnum && !is_ref_prefix(text, i)) {
            // Digits glued to letters (`G7`, `EU27`, `5G`) are names, not numbers;
            // `A/68/98` and `COM(2010)` are read whole below.
            if c.is_ascii_uppercase() {
                // The run of letters, digits and `/` from here: the same
                // end for every start inside it, so it is found once.
                if i >= run_end {
                    run_end = i + tail
                        .iter()
                        .position(|&c| !(c.is_ascii_alphanumeric() || c == b'/'))
                        .unwrap_or(tail.len());
                }
                #[expect(
                    clippy::string_slice,
                    reason = "`b[i]` is ASCII, so `i` is a char boundary"
                )]
                let rest = &text[i..];
                // A slash token that fails from one start fails from every
                // later start in its run (it only loses slashes and digits),
                // so it is read once per run.
                let found = name_year(rest).or_else(|| {
                    if i < token_failed_until {
                        return None;
                    }
                    let t = slash_token(rest, run_end - i);
                    if t.is_none() {
                        token_failed_until = run_end;
                    }
                    t
                });
                if let Some((v, len)) = found {
                    out.insert(v);
                    i += len;
                    continue;
                }
            }
            i += 1;
            continue;
        }
        // A document number: 10130/10, 9981/1/10 REV 1, 6122/15 + COR 1.
        #[expect(
            clippy::string_slice,
            reason = "`b[i]` is an ASCII digit, so `i` is a char boundary"
        )]
        let number = document_number(&text[i..]);
        if let Some((v, len)) = number {
            out.insert(v);
            i += len;
            continue;
        }
        let mut j = i;
        while digit_at(j) {
            j += 1;
        }
        if at(j).is_some_and(|c| c.is_ascii_alphabetic()) {
            // `5G`, `2nd`: a name or an English ordinal, not a value to compare.
            while at(j).is_some_and(|c| c.is_ascii_alphanumeric()) {
                j += 1;
            }
            i = j;
            continue;
        }
        // Decimal part: 3,5 or 3.5 (not a date's "11." ordinal dot).
        #[expect(
            clippy::string_slice,
            reason = "`b[i..j]` are ASCII digits, so `i` and `j` are char boundaries"
        )]
        let mut value = text[i..j].trim_start_matches('0').to_string();
        if value.is_empty() {
            value.push('0');
        }
        if matches!(at(j), Some(b',' | b'.'))
            && digit_at(j + 1)
            && !(at(j) == Some(b'.') && at(j + 3) == Some(b'.'))
        {
            let mut k = j + 1;
            while digit_at(k) {
                k += 1;
            }
            #[expect(
                clippy::string_slice,
                reason = "`b[j + 1..k]` are ASCII digits, so `j + 1` and `k` are char \
                          boundaries"
            )]
            let fraction = &text[j + 1..k];
            value = format!("{value}.{fraction}");
            j = k;
        }
        out.insert(value);
        i = j;
    }
    out
}

fn is_ref_prefix(text: &str, i: usize) -> bool {
    // "COM(2010)" → the "(" precedes; letters directly before digits are names.
    matches!(
        i.checked_sub(1).and_then(|p| text.as_bytes().get(p)),
        Some(b'(' | b'/')
    )
}

/// `10130/10`, `9981/1/10 REV 1`, `6122/15 + COR 1` at the start of `s`.
fn document_number(s: &str) -> Option<(String, usize)> {
    let b = s.as_bytes();
    let mut parts = Vec::new();
    let mut i = 0;
    loop {
        let st = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == st {
            return None;
        }
        #[expect(
            clippy::string_slice,
            reason = "`b[st..i]` are ASCII digits, so `st` and `i` are char boundaries"
        )]
        parts.push(&s[st..i]);
        if parts.len() > 3 {
            // Not a document number however it goes on: stop reading now, so
            // that `1/2/3/…` is not read to its end from each of its numbers.
            return None;
        }
        if b.get(i) == Some(&b'/') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
        } else {
            break;
        }
    }
    if parts.len() < 2 || parts.len() > 3 || parts.last()?.len() != 2 {
        return None;
    }
    let mut v = parts.join("/");
    // Suffixes: " REV 1", " COR 1", " ADD 2", "+ COR 1".
    #[expect(
        clippy::string_slice,
        reason = "`b[i - 1]` is an ASCII digit, so `i` is a char boundary"
    )]
    let mut rest = &s[i..];
    loop {
        let t = rest.trim_start_matches([' ', '+']);
        let suffix = ["REV", "COR", "ADD", "AMD"]
            .into_iter()
            .find_map(|w| t.strip_prefix(w).map(|after| (w, after)));
        let Some((word, after)) = suffix else { break };
        let after = after.trim_start();
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        // Never `None`: the first `digits` bytes are ASCII.
        let Some((number, tail)) = after.split_at_checked(digits) else {
            break;
        };
        if number.is_empty() {
            break;
        }
        v.push_str(&format!(" {word} {number}"));
        i = s.len() - tail.len();
        rest = tail;
    }
    Some((v, i))
}

/// `A/68/98`, `A/HRC/RES/20/8`, `COM(2010) 245`, `JOIN(2013) 1`.
fn name_year(s: &str) -> Option<(String, usize)> {
    // `NAME(` has at most five capitals before the bracket, and the year
    // four digits after it: only those bytes are looked at.
    let head = s.as_bytes().get(..6).unwrap_or(s.as_bytes());
    if let Some(open) = head.iter().position(|&c| c == b'(') {
        // `(` is ASCII: a char boundary, so `get` is `Some`.
        let name = s.get(..open).unwrap_or_default();
        let close = open + 5;
        let year = s
            .get(open + 1..close)
            .filter(|_| s.as_bytes().get(close) == Some(&b')'));
        if let Some(year) =
            year.filter(|_| !name.is_empty() && name.bytes().all(|c| c.is_ascii_uppercase()))
        {
            if year.bytes().all(|c| c.is_ascii_digit()) {
                // `s[close]` is `)`: `close + 1` is a char boundary.
                let rest = s.get(close + 1..).unwrap_or_default().trim_start();
                let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                // The first `digits` bytes are ASCII: `get` is `Some`.
                if let Some(number) = rest.get(..digits).filter(|d| !d.is_empty()) {
                    let end = s.len() - rest.len() + digits;
                    return Some((format!("{name}({year}) {number}"), end));
                }
            }
        }
    }
    None
}

/// `A/68/98` read whole: the run of letters, digits and slashes that starts
/// `s` and ends at `run_end` (found once per run by the caller).
fn slash_token(s: &str, run_end: usize) -> Option<(String, usize)> {
    let token = s.get(..run_end).unwrap_or(s).trim_end_matches('/');
    (token.contains('/')
        && token.split('/').count() >= 3
        && token.chars().any(|c| c.is_ascii_digit()))
    .then(|| (token.to_string(), token.len()))
}

#[cfg(test)]
mod tests {
    use super::values;

    fn v(s: &str) -> Vec<String> {
        values(s).into_iter().collect()
    }

    #[test]
    fn years_dates_and_numbers_compare_by_value() {
        assert_eq!(v("2013. gada 3. decembra"), v("3 december 2013"));
        assert_eq!(
            v("Rīgā 2015. gada 29. un 30. janvārī"),
            v("in Riga op 29 en 30 januari 2015")
        );
    }

    #[test]
    fn document_references() {
        assert_eq!(v("dok. 9981/10"), ["9981/10"]);
        assert_eq!(v("9981/1/10 REV 1"), ["9981/1/10 REV 1"]);
        assert_eq!(v("6122/15 + COR 1"), ["6122/15 COR 1"]);
        assert_eq!(v("A/68/98."), ["A/68/98"]);
        assert_eq!(v("(COM(2010) 245 final)"), ["COM(2010) 245"]);
        assert_eq!(v("A/HRC/RES/20/8."), ["A/HRC/RES/20/8"]);
    }

    #[test]
    fn names_with_digits_are_not_numbers() {
        assert!(v("G7 un 5G un EU27").is_empty());
    }
}
