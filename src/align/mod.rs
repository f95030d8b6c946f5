//! `conclint align`: do two language versions say the same thing?
//!
//! Each version is flattened into units ([`units`]); the two sequences are
//! aligned by dynamic programming (Needleman–Wunsch, restricted to a band
//! around the diagonal so that the cost stays linear in document size), then
//! aligned units are compared: kind (`align-structure`), clause functions
//! (`align-function`), numbers and references by value (`align-number`), and
//! footnotes by number and attachment (`align-footnote`).

pub mod numbers;
pub mod rules;
pub mod units;

use crate::ast::Kind;
use crate::lexicon::Function;
use crate::lint::{Finding, Related, RuleMeta};
use crate::parse::Document;
use units::Unit;

/// One version of the text.
pub struct Version {
    pub path: String,
    pub doc: Document,
    pub(crate) body: Vec<Unit>,
    pub(crate) notes: Vec<Unit>,
}

impl Version {
    pub fn new(path: String, doc: Document) -> Version {
        let (body, notes) = units::extract(&doc);
        Version {
            path,
            doc,
            body,
            notes,
        }
    }
}

/// One step of an alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Both(usize, usize),
    OnlyA(usize),
    OnlyB(usize),
}

/// Costs (in tenths).
const GAP: u32 = 20;
const KIND_MISMATCH: u32 = 30;
const FUNCTION_MISMATCH: u32 = 8;
const INF: u32 = u32::MAX / 4;

fn compatible(a: &(Function, Vec<Function>), b: &(Function, Vec<Function>)) -> bool {
    a.0 == b.0 || a.1.contains(&b.0) || b.1.contains(&a.0)
}

/// The first clause of `a` with no compatible clause in `b`, in order (a
/// clause rendered as two is allowed: the shorter list must fit the longer).
fn function_mismatch(a: &Unit, b: &Unit) -> Option<(usize, usize)> {
    let (short, long, swapped) = if a.functions.len() <= b.functions.len() {
        (a, b, false)
    } else {
        (b, a, true)
    };
    let mut k = 0;
    for (i, f) in short.functions.iter().enumerate() {
        match long.functions[k..].iter().position(|g| compatible(f, g)) {
            Some(p) => k += p + 1,
            None => {
                let j = k.min(long.functions.len().saturating_sub(1));
                return Some(if swapped { (j, i) } else { (i, j) });
            }
        }
    }
    None
}

/// The cost of aligning `a` with `b`. Besides kind and function, content
/// decides between look-alike units (list items): relative length (a
/// translation keeps it, as in Gale and Church's sentence alignment), shared
/// numbers and footnote references. `ratio` is ln(length of A / length of B)
/// over the whole documents.
fn substitution_cost(a: &Unit, b: &Unit, ratio: f64) -> u32 {
    // Nested units one side has and the other lacks stay unmatched.
    let nested = (GAP + 5) * (a.below.abs_diff(b.below).min(50) as u32);
    if a.kind != b.kind {
        return KIND_MISMATCH + nested;
    }
    let mut c = nested;
    let r = ((a.chars as f64 + 20.0) / (b.chars as f64 + 20.0)).ln() - ratio;
    c += ((r.abs() * 8.0).round() as u32).min(12);
    if !a.values.is_empty() && !b.values.is_empty() && a.values.is_disjoint(&b.values) {
        c += 3;
    }
    if a.refs != b.refs {
        c += 3;
    }
    let smaller = a.stems.len().min(b.stems.len());
    c += if smaller == 0 {
        3
    } else {
        let shared = a.stems.intersection(&b.stems).count() as f64 / smaller as f64;
        (10.0 * (1.0 - shared)).round() as u32
    };
    if function_mismatch(a, b).is_some() {
        c += FUNCTION_MISMATCH;
    }
    if a.number.is_some() && b.number.is_some() && a.number != b.number && a.kind == Kind::Point {
        c += 2;
    }
    c
}

/// Aligns two unit sequences (banded Needleman–Wunsch).
/// `ratio` is ln(length of A / length of B) over the whole documents: a
/// short sequence (one list) is too small to estimate it.
pub fn align_units(a: &[&Unit], b: &[&Unit], ratio: f64) -> Vec<Step> {
    let (n, m) = (a.len(), b.len());
    let band = n.abs_diff(m) + 64;
    let center = |i: usize| (i * m).checked_div(n).unwrap_or(0);
    let lo = |i: usize| center(i).saturating_sub(band);
    let hi = |i: usize| (center(i) + band).min(m);
    // rows[i] covers columns lo(i)..=hi(i): (cost, move) with 0 diag, 1 up, 2 left.
    let mut rows: Vec<Vec<(u32, u8)>> = Vec::with_capacity(n + 1);
    let get = |rows: &Vec<Vec<(u32, u8)>>, i: usize, j: usize| -> u32 {
        if j < lo(i) || j > hi(i) {
            return INF;
        }
        rows[i][j - lo(i)].0
    };
    for i in 0..=n {
        let mut row = Vec::with_capacity(hi(i) - lo(i) + 1);
        for j in lo(i)..=hi(i) {
            let cell = if i == 0 && j == 0 {
                (0, 0)
            } else {
                let mut best = (INF, 0u8);
                if i > 0 && j > 0 {
                    let c = get(&rows, i - 1, j - 1).saturating_add(substitution_cost(
                        a[i - 1],
                        b[j - 1],
                        ratio,
                    ));
                    best = best.min((c, 0));
                }
                if i > 0 {
                    best = best.min((get(&rows, i - 1, j).saturating_add(gap(a[i - 1])), 1));
                }
                if j > 0 {
                    let left = if j > lo(i) {
                        row_get(&row, j - 1 - lo(i))
                    } else {
                        INF
                    };
                    best = best.min((left.saturating_add(gap(b[j - 1])), 2));
                }
                best
            };
            row.push(cell);
        }
        rows.push(row);
    }
    let mut steps = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let mv = if j >= lo(i) && j <= hi(i) {
            rows[i][j - lo(i)].1
        } else if i > 0 {
            1
        } else {
            2
        };
        match mv {
            0 if i > 0 && j > 0 => {
                steps.push(Step::Both(i - 1, j - 1));
                i -= 1;
                j -= 1;
            }
            1 if i > 0 => {
                steps.push(Step::OnlyA(i - 1));
                i -= 1;
            }
            _ if j > 0 => {
                steps.push(Step::OnlyB(j - 1));
                j -= 1;
            }
            _ => {
                steps.push(Step::OnlyA(i - 1));
                i -= 1;
            }
        }
    }
    steps.reverse();
    steps
}

/// Leaving a unit unmatched leaves its nested units (its list) unmatched too.
fn gap(u: &Unit) -> u32 {
    GAP * (1 + u.below.min(50) as u32)
}

fn row_get(row: &[(u32, u8)], k: usize) -> u32 {
    row.get(k).map_or(INF, |c| c.0)
}

/// Findings for each version (same order as the versions) and the alignment.
pub struct Alignment {
    pub findings: Vec<Vec<Finding>>,
    pub steps: Vec<Step>,
}

fn related(v: &Version, u: &Unit) -> Related {
    Related {
        path: v.path.clone(),
        line: u.line,
        column: v.doc.column_of(u.start),
    }
}

fn finding(m: &'static RuleMeta, u: &Unit, message: String, rel: Related) -> Finding {
    Finding {
        rule: m.name,
        severity: m.severity,
        message,
        start: u.start,
        end: u.end,
        help: Some(format!("compare with {}:{}", rel.path, rel.line)),
        fix: None,
        related: vec![rel],
    }
}

/// The unit of `other` nearest to step `k` (for the related location of a
/// unit that has no counterpart).
fn nearest(steps: &[Step], k: usize, want_b: bool) -> Option<usize> {
    let pick = |s: &Step| match (s, want_b) {
        (Step::Both(_, j), true) => Some(*j),
        (Step::Both(i, _), false) => Some(*i),
        (Step::OnlyB(j), true) => Some(*j),
        (Step::OnlyA(i), false) => Some(*i),
        _ => None,
    };
    steps[..k]
        .iter()
        .rev()
        .find_map(pick)
        .or_else(|| steps[k..].iter().find_map(pick))
}

/// Aligns the units of `a` and `b`: the top-level units first, then the
/// lists, items and sub-points inside each aligned pair. Steps index the
/// flat unit lists; `hidden` marks units inside an unmatched top-level unit
/// (reported once, with it).
fn hierarchical(a: &[Unit], b: &[Unit]) -> (Vec<Step>, Vec<bool>, Vec<bool>) {
    let tops = |u: &[Unit]| -> Vec<usize> { (0..u.len()).filter(|&i| u[i].top == i).collect() };
    let (ta, tb) = (tops(a), tops(b));
    let total = |u: &[Unit]| u.iter().map(|x| x.chars as f64).sum::<f64>() + 20.0;
    let ratio = (total(a) / total(b)).ln();
    let top_steps = {
        let ra: Vec<&Unit> = ta.iter().map(|&i| &a[i]).collect();
        let rb: Vec<&Unit> = tb.iter().map(|&i| &b[i]).collect();
        align_units(&ra, &rb, ratio)
    };
    let children = |u: &[Unit], t: usize| -> Vec<usize> {
        (t + 1..u.len()).take_while(|&i| u[i].top == t).collect()
    };
    let mut steps = Vec::new();
    let (mut hidden_a, mut hidden_b) = (vec![false; a.len()], vec![false; b.len()]);
    for s in top_steps {
        match s {
            Step::Both(i, j) => {
                let (x, y) = (ta[i], tb[j]);
                steps.push(Step::Both(x, y));
                let (ca, cb) = (children(a, x), children(b, y));
                let ra: Vec<&Unit> = ca.iter().map(|&k| &a[k]).collect();
                let rb: Vec<&Unit> = cb.iter().map(|&k| &b[k]).collect();
                for cs in align_units(&ra, &rb, ratio) {
                    steps.push(match cs {
                        Step::Both(p, q) => Step::Both(ca[p], cb[q]),
                        Step::OnlyA(p) => Step::OnlyA(ca[p]),
                        Step::OnlyB(q) => Step::OnlyB(cb[q]),
                    });
                }
            }
            Step::OnlyA(i) => {
                steps.push(Step::OnlyA(ta[i]));
                for k in children(a, ta[i]) {
                    hidden_a[k] = true;
                    steps.push(Step::OnlyA(k));
                }
            }
            Step::OnlyB(j) => {
                steps.push(Step::OnlyB(tb[j]));
                for k in children(b, tb[j]) {
                    hidden_b[k] = true;
                    steps.push(Step::OnlyB(k));
                }
            }
        }
    }
    (steps, hidden_a, hidden_b)
}

/// `align-structure` for a unit that has no counterpart in `other`; the
/// related location is the nearest unit of `other` (`other_is_b` says which
/// side of the steps that is).
fn missing(steps: &[Step], k: usize, u: &Unit, other: &Version, other_is_b: bool) -> Finding {
    let rel = nearest(steps, k, other_is_b)
        .map(|j| related(other, &other.body[j]))
        .unwrap_or(Related {
            path: other.path.clone(),
            line: 1,
            column: 1,
        });
    finding(
        &rules::structure::META,
        u,
        missing_message(u, &other.path),
        rel,
    )
}

fn missing_message(u: &Unit, other: &str) -> String {
    if u.below > 0 {
        format!(
            "this {} (with {} nested units) has no counterpart in {other}",
            u.kind.as_str(),
            u.below
        )
    } else {
        format!("this {} has no counterpart in {other}", u.kind.as_str())
    }
}

/// Aligns `b` to `a` and reports the differences.
pub fn align(a: &Version, b: &Version) -> Alignment {
    let (steps, hidden_a, hidden_b) = hierarchical(&a.body, &b.body);
    let mut fa = Vec::new();
    let mut fb = Vec::new();
    for (k, step) in steps.iter().enumerate() {
        match *step {
            Step::OnlyA(i) if !hidden_a[i] => fa.push(missing(&steps, k, &a.body[i], b, true)),
            Step::OnlyB(j) if !hidden_b[j] => fb.push(missing(&steps, k, &b.body[j], a, false)),
            Step::Both(i, j) => compare(a, b, &a.body[i], &b.body[j], &mut fa, &mut fb),
            _ => {}
        }
    }
    compare_footnotes(a, b, &steps, &mut fa, &mut fb);
    Alignment {
        findings: vec![fa, fb],
        steps,
    }
}

fn compare(
    a: &Version,
    b: &Version,
    ua: &Unit,
    ub: &Unit,
    fa: &mut Vec<Finding>,
    fb: &mut Vec<Finding>,
) {
    if ua.kind != ub.kind {
        fa.push(finding(
            &rules::structure::META,
            ua,
            format!(
                "a {} here, a {} in {}",
                ua.kind.as_str(),
                ub.kind.as_str(),
                b.path
            ),
            related(b, ub),
        ));
        return;
    }
    if let Some((i, j)) = function_mismatch(ua, ub) {
        let (fa_, fb_) = (
            ua.functions[i].0,
            ub.functions.get(j).map_or(Function::Other, |f| f.0),
        );
        fa.push(finding(
            &rules::function::META,
            ua,
            format!(
                "`{}` ({}) is aligned with `{}` ({}) in {}",
                ua.verbs[i],
                fa_.as_str(),
                ub.verbs.get(j).map_or("", String::as_str),
                fb_.as_str(),
                b.path
            ),
            related(b, ub),
        ));
    }
    number_findings(a, b, ua, ub, fa, fb);
}

fn number_findings(
    a: &Version,
    b: &Version,
    ua: &Unit,
    ub: &Unit,
    fa: &mut Vec<Finding>,
    fb: &mut Vec<Finding>,
) {
    for v in ua.values.difference(&ub.values) {
        fa.push(finding(
            &rules::number::META,
            ua,
            format!(
                "`{v}` is not in the aligned {} of {}",
                ub.kind.as_str(),
                b.path
            ),
            related(b, ub),
        ));
    }
    for v in ub.values.difference(&ua.values) {
        fb.push(finding(
            &rules::number::META,
            ub,
            format!(
                "`{v}` is not in the aligned {} of {}",
                ua.kind.as_str(),
                a.path
            ),
            related(a, ua),
        ));
    }
}

fn compare_footnotes(
    a: &Version,
    b: &Version,
    steps: &[Step],
    fa: &mut Vec<Finding>,
    fb: &mut Vec<Finding>,
) {
    use std::collections::HashMap;
    // Which unit refers to each note, in each version.
    let owner = |units: &[Unit]| -> HashMap<u32, usize> {
        let mut m = HashMap::new();
        for (k, u) in units.iter().enumerate() {
            for &r in &u.refs {
                m.entry(r).or_insert(k);
            }
        }
        m
    };
    let (oa, ob) = (owner(&a.body), owner(&b.body));
    let pairs: std::collections::HashSet<(usize, usize)> = steps
        .iter()
        .filter_map(|s| {
            if let Step::Both(i, j) = s {
                Some((*i, *j))
            } else {
                None
            }
        })
        .collect();
    let by_number = |notes: &[Unit]| -> HashMap<u32, usize> {
        notes
            .iter()
            .enumerate()
            .filter_map(|(k, n)| n.number.map(|x| (x, k)))
            .collect()
    };
    let (na, nb) = (by_number(&a.notes), by_number(&b.notes));
    for (num, &ka) in &na {
        let ua = &a.notes[ka];
        match nb.get(num) {
            None => fa.push(finding(
                &rules::footnote::META,
                ua,
                format!(
                    "footnote {num} has no counterpart in {} ({} footnotes here, {} there)",
                    b.path,
                    a.notes.len(),
                    b.notes.len()
                ),
                Related {
                    path: b.path.clone(),
                    line: 1,
                    column: 1,
                },
            )),
            Some(&kb) => {
                let ub = &b.notes[kb];
                if let (Some(&ia), Some(&ib)) = (oa.get(num), ob.get(num)) {
                    if !pairs.contains(&(ia, ib)) {
                        fa.push(finding(
                            &rules::footnote::META,
                            &a.body[ia],
                            format!(
                                "footnote {num} is referred to from another unit in {}",
                                b.path
                            ),
                            related(b, &b.body[ib]),
                        ));
                    }
                }
                number_findings(a, b, ua, ub, fa, fb);
            }
        }
    }
    for (num, &kb) in &nb {
        if !na.contains_key(num) {
            fb.push(finding(
                &rules::footnote::META,
                &b.notes[kb],
                format!(
                    "footnote {num} has no counterpart in {} ({} footnotes here, {} there)",
                    a.path,
                    b.notes.len(),
                    a.notes.len()
                ),
                Related {
                    path: a.path.clone(),
                    line: 1,
                    column: 1,
                },
            ));
        }
    }
    fa.sort_by_key(|f| (f.start, f.rule));
    fb.sort_by_key(|f| (f.start, f.rule));
}

/// The side-by-side table of an alignment.
pub fn table(a: &Version, b: &Version, steps: &[Step]) -> String {
    use std::fmt::Write;
    let cell = |u: Option<&Unit>| -> String {
        match u {
            None => "—".to_string(),
            Some(u) => {
                let f: Vec<&str> = u.functions.iter().map(|f| f.0.as_str()).collect();
                let num = u.number.map_or(String::new(), |n| format!(" {n}"));
                format!(
                    "{:>4} {}{}{}",
                    u.line,
                    u.kind.as_str(),
                    num,
                    if f.is_empty() {
                        String::new()
                    } else {
                        format!(" [{}]", f.join(", "))
                    }
                )
            }
        }
    };
    let mut out = String::new();
    let _ = writeln!(out, "{:<48} │ {}", a.path, b.path);
    for s in steps {
        let (l, r, mark) = match *s {
            Step::Both(i, j) => {
                let same = a.body[i].kind == b.body[j].kind
                    && function_mismatch(&a.body[i], &b.body[j]).is_none();
                (
                    cell(Some(&a.body[i])),
                    cell(Some(&b.body[j])),
                    if same { "│" } else { "≠" },
                )
            }
            Step::OnlyA(i) => (cell(Some(&a.body[i])), cell(None), "≠"),
            Step::OnlyB(j) => (cell(None), cell(Some(&b.body[j])), "≠"),
        };
        let _ = writeln!(out, "{l:<48} {mark} {r}");
    }
    out
}
