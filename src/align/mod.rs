//! `conclint align`: do two language versions say the same thing?
//!
//! Each version is flattened into units ([`units`]); the two sequences are
//! aligned by dynamic programming ([`dp`]: Needleman–Wunsch in a band around
//! the diagonal; sequences too large for one table are first cut at anchors,
//! so time and space stay near-linear however the lengths differ), then
//! aligned units are compared: kind (`align-structure`), clause functions
//! (`align-function`), numbers and references by value (`align-number`), and
//! footnotes by number and attachment (`align-footnote`).

pub mod dp;
pub mod numbers;
pub mod rules;
pub mod units;

use crate::ast::Kind;
use crate::lexicon::Function;
use crate::lint::{Finding, Related, RuleMeta};
use crate::parse::Document;
pub use dp::Step;
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

/// Costs (in tenths).
const GAP: u32 = 20;
const KIND_MISMATCH: u32 = 30;
const FUNCTION_MISMATCH: u32 = 8;

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
    // `rest` is `long.functions[k..]`: `position` consumes up to the match.
    let mut rest = long.functions.iter();
    let mut k = 0;
    for (i, f) in short.functions.iter().enumerate() {
        match rest.position(|g| compatible(f, g)) {
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

/// Aligns two unit sequences ([`dp::align`]). `ratio` is ln(length of A /
/// length of B) over the whole documents: a short sequence (one list) is too
/// small to estimate it.
pub fn align_units(a: &[&Unit], b: &[&Unit], ratio: f64) -> Vec<Step> {
    align_counted(a, b, ratio, &mut dp::Approximation::default())
}

fn align_counted(
    a: &[&Unit],
    b: &[&Unit],
    ratio: f64,
    approx: &mut dp::Approximation,
) -> Vec<Step> {
    #[expect(
        clippy::indexing_slicing,
        reason = "dp::align(n, m, ..) only asks for i < n = a.len() and j < m = b.len(): \
                  `banded` over sub-ranges of 0..n × 0..m, anchors from `keys(a)`, \
                  `keys(b)` (one per unit)"
    )]
    let pair = |i: usize, j: usize| substitution_cost(a[i], b[j], ratio);
    #[expect(clippy::indexing_slicing, reason = "i < a.len(): as for `pair`")]
    let gap_a = |i: usize| gap(a[i]);
    #[expect(clippy::indexing_slicing, reason = "j < b.len(): as for `pair`")]
    let gap_b = |j: usize| gap(b[j]);
    let costs = dp::Costs {
        pair: &pair,
        gap_a: &gap_a,
        gap_b: &gap_b,
    };
    let keys =
        |u: &[&Unit]| -> Vec<Option<AnchorKey>> { u.iter().map(|x| anchor_key(x)).collect() };
    dp::align(a.len(), b.len(), &costs, &keys(a), &keys(b), approx)
}

/// What anchors a unit across versions when they are too large to align in
/// one table: its kind and number (point 12, heading III), else the
/// footnotes it refers to.
type AnchorKey = (Kind, Option<u32>, Vec<u32>);

fn anchor_key(u: &Unit) -> Option<AnchorKey> {
    if u.number.is_some() {
        Some((u.kind, u.number, Vec::new()))
    } else if !u.refs.is_empty() {
        Some((u.kind, None, u.refs.clone()))
    } else {
        None
    }
}

/// Leaving a unit unmatched leaves its nested units (its list) unmatched too.
fn gap(u: &Unit) -> u32 {
    GAP * (1 + u.below.min(50) as u32)
}

/// Findings for each version (same order as the versions) and the alignment.
pub struct Alignment {
    pub findings: Vec<Vec<Finding>>,
    pub steps: Vec<Step>,
    /// Where the alignment is not the exact one (versions too large for one
    /// table): one sentence each, for the user to see.
    pub notes: Vec<String>,
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

/// For every step, the unit of one side nearest to it (for the related
/// location of a unit that has no counterpart): the last one at or before the
/// step, else the first after it. Two passes over the steps.
fn nearest(steps: &[Step], want_b: bool) -> Vec<Option<usize>> {
    let pick = |s: &Step| match (s, want_b) {
        (Step::Both(_, j), true) => Some(*j),
        (Step::Both(i, _), false) => Some(*i),
        (Step::OnlyB(j), true) => Some(*j),
        (Step::OnlyA(i), false) => Some(*i),
        _ => None,
    };
    let mut out = vec![None; steps.len()];
    let mut last = None;
    for (o, s) in out.iter_mut().zip(steps) {
        // Before the step (exclusive), as a unit is never its own neighbour.
        *o = last;
        last = pick(s).or(last);
    }
    let mut next = None;
    for (o, s) in out.iter_mut().zip(steps).rev() {
        next = pick(s).or(next);
        if o.is_none() {
            *o = next;
        }
    }
    out
}

/// Aligns the units of `a` and `b`: the top-level units first, then the
/// lists, items and sub-points inside each aligned pair. Steps index the
/// flat unit lists; `hidden` marks units inside an unmatched top-level unit
/// (reported once, with it).
fn hierarchical(
    a: &[Unit],
    b: &[Unit],
    approx: &mut dp::Approximation,
) -> (Vec<Step>, Vec<bool>, Vec<bool>) {
    /// The top-level units: their indices, and the units.
    fn tops(u: &[Unit]) -> (Vec<usize>, Vec<&Unit>) {
        u.iter().enumerate().filter(|&(i, x)| x.top == i).unzip()
    }
    let ((ta, ra), (tb, rb)) = (tops(a), tops(b));
    let total = |u: &[Unit]| u.iter().map(|x| x.chars as f64).sum::<f64>() + 20.0;
    let ratio = (total(a) / total(b)).ln();
    let top_steps = align_counted(&ra, &rb, ratio, approx);
    /// The units under top-level unit `t` (those after it with `top == t`):
    /// their indices, and the units.
    fn children(u: &[Unit], t: usize) -> (Vec<usize>, Vec<&Unit>) {
        u.iter()
            .enumerate()
            .skip(t + 1)
            .take_while(|(_, x)| x.top == t)
            .unzip()
    }
    let mut steps = Vec::new();
    let (mut hidden_a, mut hidden_b) = (vec![false; a.len()], vec![false; b.len()]);
    // Steps of `align_counted` index the sequences it was given, which are
    // as long as their index lists (`ta`, `ca`, …): every `get` below is
    // `Some`.
    for s in top_steps {
        match s {
            Step::Both(i, j) => {
                let (Some(&x), Some(&y)) = (ta.get(i), tb.get(j)) else {
                    continue;
                };
                steps.push(Step::Both(x, y));
                let ((ca, ra), (cb, rb)) = (children(a, x), children(b, y));
                for cs in align_counted(&ra, &rb, ratio, approx) {
                    let step = match cs {
                        Step::Both(p, q) => {
                            ca.get(p).zip(cb.get(q)).map(|(&p, &q)| Step::Both(p, q))
                        }
                        Step::OnlyA(p) => ca.get(p).map(|&p| Step::OnlyA(p)),
                        Step::OnlyB(q) => cb.get(q).map(|&q| Step::OnlyB(q)),
                    };
                    steps.extend(step);
                }
            }
            Step::OnlyA(i) => {
                let Some(&x) = ta.get(i) else { continue };
                steps.push(Step::OnlyA(x));
                for k in children(a, x).0 {
                    if let Some(h) = hidden_a.get_mut(k) {
                        *h = true;
                    }
                    steps.push(Step::OnlyA(k));
                }
            }
            Step::OnlyB(j) => {
                let Some(&y) = tb.get(j) else { continue };
                steps.push(Step::OnlyB(y));
                for k in children(b, y).0 {
                    if let Some(h) = hidden_b.get_mut(k) {
                        *h = true;
                    }
                    steps.push(Step::OnlyB(k));
                }
            }
        }
    }
    (steps, hidden_a, hidden_b)
}

/// `align-structure` for a unit that has no counterpart in `other`; the
/// related location is `near`, the nearest unit of `other` (see [`nearest`]).
fn missing(near: Option<usize>, u: &Unit, other: &Version) -> Finding {
    let rel = near
        .and_then(|j| other.body.get(j))
        .map(|n| related(other, n))
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
    let mut approx = dp::Approximation::default();
    let (steps, hidden_a, hidden_b) = hierarchical(&a.body, &b.body, &mut approx);
    let (near_b, near_a) = (nearest(&steps, true), nearest(&steps, false));
    let mut fa = Vec::new();
    let mut fb = Vec::new();
    // Step indices are units of their side (`hidden_*` has one entry per
    // unit), and `near_*` has one entry per step: every `get` is `Some`.
    for (step, (&nb, &na)) in steps.iter().zip(near_b.iter().zip(&near_a)) {
        match *step {
            Step::OnlyA(i) => {
                if let (Some(false), Some(u)) = (hidden_a.get(i), a.body.get(i)) {
                    fa.push(missing(nb, u, b));
                }
            }
            Step::OnlyB(j) => {
                if let (Some(false), Some(u)) = (hidden_b.get(j), b.body.get(j)) {
                    fb.push(missing(na, u, a));
                }
            }
            Step::Both(i, j) => {
                if let (Some(ua), Some(ub)) = (a.body.get(i), b.body.get(j)) {
                    compare(a, b, ua, ub, &mut fa, &mut fb);
                }
            }
        }
    }
    compare_footnotes(a, b, &steps, &mut fa, &mut fb);
    Alignment {
        findings: vec![fa, fb],
        steps,
        notes: approximation_notes(&approx),
    }
}

fn approximation_notes(approx: &dp::Approximation) -> Vec<String> {
    let mut notes = Vec::new();
    if approx.anchored > 0 {
        notes.push(format!(
            "{} unit sequence(s) too large to align in one table of {} cells were cut at {} \
anchors (units with the same number or footnotes on both sides) and aligned between them",
            approx.anchored,
            dp::CELL_CAP,
            approx.anchors
        ));
    }
    if approx.narrowed > 0 {
        notes.push(format!(
            "{} stretch(es) between anchors were still too large and were aligned in a \
narrower band around the diagonal: units far out of place there may be reported as missing",
            approx.narrowed
        ));
    }
    notes
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
            ua.functions.get(i).map_or(Function::Other, |f| f.0),
            ub.functions.get(j).map_or(Function::Other, |f| f.0),
        );
        fa.push(finding(
            &rules::function::META,
            ua,
            format!(
                "`{}` ({}) is aligned with `{}` ({}) in {}",
                ua.verbs.get(i).map_or("", String::as_str),
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
    fn owner(units: &[Unit]) -> HashMap<u32, (usize, &Unit)> {
        let mut m = HashMap::new();
        for (k, u) in units.iter().enumerate() {
            for &r in &u.refs {
                m.entry(r).or_insert((k, u));
            }
        }
        m
    }
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
    fn by_number(notes: &[Unit]) -> HashMap<u32, &Unit> {
        notes
            .iter()
            .filter_map(|n| n.number.map(|x| (x, n)))
            .collect()
    }
    let (na, nb) = (by_number(&a.notes), by_number(&b.notes));
    for (num, &ua) in &na {
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
            Some(&ub) => {
                if let (Some(&(ia, owner_a)), Some(&(ib, owner_b))) = (oa.get(num), ob.get(num)) {
                    if !pairs.contains(&(ia, ib)) {
                        fa.push(finding(
                            &rules::footnote::META,
                            owner_a,
                            format!(
                                "footnote {num} is referred to from another unit in {}",
                                b.path
                            ),
                            related(b, owner_b),
                        ));
                    }
                }
                number_findings(a, b, ua, ub, fa, fb);
            }
        }
    }
    for (num, &ub) in &nb {
        if !na.contains_key(num) {
            fb.push(finding(
                &rules::footnote::META,
                ub,
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
        // Steps of `align(a, b)` index units of their side; a step that does
        // not shows as a missing unit.
        let (l, r, mark) = match *s {
            Step::Both(i, j) => {
                let (ua, ub) = (a.body.get(i), b.body.get(j));
                let same = ua
                    .zip(ub)
                    .is_some_and(|(x, y)| x.kind == y.kind && function_mismatch(x, y).is_none());
                (cell(ua), cell(ub), if same { "│" } else { "≠" })
            }
            Step::OnlyA(i) => (cell(a.body.get(i)), cell(None), "≠"),
            Step::OnlyB(j) => (cell(None), cell(b.body.get(j)), "≠"),
        };
        let _ = writeln!(out, "{l:<48} {mark} {r}");
    }
    out
}
