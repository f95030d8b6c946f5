//! The alignment of two unit sequences in bounded space and near-linear time.
//!
//! Small problems (the banded table of Needleman–Wunsch fits in [`CELL_CAP`]
//! cells, which is every real document) are aligned exactly as they always
//! were: a band of `|n − m| + 64` cells around the diagonal. Larger ones are
//! first cut at *anchors* — units whose key (a point number, a set of
//! footnote references) occurs once on each side, kept in order by a longest
//! increasing subsequence — and only the stretches between anchors are
//! aligned by dynamic programming. A stretch still too big for the cap is
//! aligned in a narrower band (64 cells either side of the diagonal, so the
//! cell count stays linear); [`Approximation`] records that it happened, so
//! the caller can say so.

use std::collections::HashMap;
use std::hash::Hash;

/// One step of an alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Both(usize, usize),
    OnlyA(usize),
    OnlyB(usize),
}

/// Most cells one table may have (8 bytes each: 32 MB).
pub const CELL_CAP: usize = 1 << 22;

/// The band of the exact alignment, as it has always been.
fn exact_band(n: usize, m: usize) -> usize {
    n.abs_diff(m) + 64
}

/// Cells of a table of `n + 1` rows with `band` columns either side of the
/// diagonal (never more than the `m + 1` columns there are).
fn cells(n: usize, m: usize, band: usize) -> usize {
    (n + 1).saturating_mul(band.saturating_mul(2).saturating_add(1).min(m + 1))
}

/// How far an alignment departed from the exact one.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Approximation {
    /// Sequences too large for one table, aligned between anchors.
    pub anchored: usize,
    /// Anchors used.
    pub anchors: usize,
    /// Stretches between anchors aligned in a band narrower than the exact one.
    pub narrowed: usize,
}

/// The costs of an alignment: substituting `a[i]` by `b[j]`, and leaving
/// `a[i]` or `b[j]` unmatched.
pub struct Costs<'c> {
    pub pair: &'c dyn Fn(usize, usize) -> u32,
    pub gap_a: &'c dyn Fn(usize) -> u32,
    pub gap_b: &'c dyn Fn(usize) -> u32,
}

const INF: u32 = u32::MAX / 4;

/// Aligns sequences of `n` and `m` units. `keys_a`/`keys_b` (one per unit)
/// are what anchors are found by; an anchor must also be cheaper to pair
/// than to leave both units unmatched.
pub fn align<K: Hash + Eq>(
    n: usize,
    m: usize,
    costs: &Costs,
    keys_a: &[Option<K>],
    keys_b: &[Option<K>],
    approx: &mut Approximation,
) -> Vec<Step> {
    if cells(n, m, exact_band(n, m)) <= CELL_CAP {
        return banded(0..n, 0..m, costs, exact_band(n, m));
    }
    approx.anchored += 1;
    let anchors: Vec<(usize, usize)> = anchors(keys_a, keys_b)
        .into_iter()
        .filter(|&(i, j)| (costs.pair)(i, j) < (costs.gap_a)(i).saturating_add((costs.gap_b)(j)))
        .collect();
    approx.anchors += anchors.len();
    let mut steps = Vec::with_capacity(n.max(m));
    let (mut i0, mut j0) = (0, 0);
    for &(i, j) in anchors.iter().chain(std::iter::once(&(n, m))) {
        let (gn, gm) = (i - i0, j - j0);
        let band = if cells(gn, gm, exact_band(gn, gm)) <= CELL_CAP {
            exact_band(gn, gm)
        } else {
            approx.narrowed += 1;
            // The exact band without its widening by `|n − m|`: 64 cells
            // either side of a diagonal step (which moves `m / n` columns, so
            // the path still reaches the far corner). Linear in cells.
            gm.div_ceil(gn.max(1)) + 64
        };
        steps.extend(banded(i0..i, j0..j, costs, band));
        if i < n {
            steps.push(Step::Both(i, j));
        }
        (i0, j0) = (i + 1, j + 1);
    }
    steps
}

/// Pairs of units whose key occurs once on each side, the longest chain of
/// them in order on both sides (patience: O(k log k)).
fn anchors<K: Hash + Eq>(keys_a: &[Option<K>], keys_b: &[Option<K>]) -> Vec<(usize, usize)> {
    fn unique<K: Hash + Eq>(keys: &[Option<K>]) -> HashMap<&K, Option<usize>> {
        let mut seen: HashMap<&K, Option<usize>> = HashMap::new();
        for (i, k) in keys.iter().enumerate() {
            if let Some(k) = k {
                seen.entry(k).and_modify(|e| *e = None).or_insert(Some(i));
            }
        }
        seen
    }
    let in_b = unique(keys_b);
    let mut pairs: Vec<(usize, usize)> = unique(keys_a)
        .into_iter()
        .filter_map(|(k, i)| Some((i?, in_b.get(k).copied().flatten()?)))
        .collect();
    pairs.sort_unstable();
    // Longest strictly increasing run of `j` in order of `i`: `tails[l]` is
    // the pair ending the best chain of length `l + 1`; `back` links chains.
    let mut tails: Vec<usize> = Vec::new();
    let mut back: Vec<Option<usize>> = vec![None; pairs.len()];
    for (p, (&(_, j), back_p)) in pairs.iter().zip(back.iter_mut()).enumerate() {
        let l = tails.partition_point(|&t| pairs.get(t).is_some_and(|q| q.1 < j));
        *back_p = l.checked_sub(1).and_then(|k| tails.get(k).copied());
        // `l <= tails.len()`: a partition point; at the end, the chain grows.
        match tails.get_mut(l) {
            Some(t) => *t = p,
            None => tails.push(p),
        }
    }
    let mut chain = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(p) = at {
        chain.extend(pairs.get(p).copied());
        at = back.get(p).copied().flatten();
    }
    chain.reverse();
    chain
}

/// Banded Needleman–Wunsch over `a` × `b` (index ranges of the whole
/// sequences): row `i` keeps the columns within `band` of its point on the
/// diagonal. Returns the steps with indices of the whole sequences.
fn banded(
    a: std::ops::Range<usize>,
    b: std::ops::Range<usize>,
    costs: &Costs,
    band: usize,
) -> Vec<Step> {
    let (n, m) = (a.len(), b.len());
    let (ia, jb) = (a.start, b.start);
    let center = |i: usize| (i * m).checked_div(n).unwrap_or(0);
    let lo = |i: usize| center(i).saturating_sub(band);
    let hi = |i: usize| (center(i) + band).min(m);
    // rows[i] covers columns lo(i)..=hi(i): (cost, move) with 0 diag, 1 up, 2 left.
    let mut rows: Vec<Vec<(u32, u8)>> = Vec::with_capacity(n + 1);
    let get = |rows: &Vec<Vec<(u32, u8)>>, i: usize, j: usize| -> u32 {
        if j < lo(i) || j > hi(i) {
            return INF;
        }
        rows.get(i)
            .and_then(|r| r.get(j - lo(i)))
            .map_or(INF, |c| c.0)
    };
    for i in 0..=n {
        let mut row: Vec<(u32, u8)> = Vec::with_capacity(hi(i) - lo(i) + 1);
        for j in lo(i)..=hi(i) {
            let cell = if i == 0 && j == 0 {
                (0, 0)
            } else {
                let mut best = (INF, 0u8);
                if i > 0 && j > 0 {
                    let c = get(&rows, i - 1, j - 1)
                        .saturating_add((costs.pair)(ia + i - 1, jb + j - 1));
                    best = best.min((c, 0));
                }
                if i > 0 {
                    let c = get(&rows, i - 1, j).saturating_add((costs.gap_a)(ia + i - 1));
                    best = best.min((c, 1));
                }
                if j > 0 {
                    let left = if j > lo(i) {
                        row.get(j - 1 - lo(i)).map_or(INF, |c| c.0)
                    } else {
                        INF
                    };
                    best = best.min((left.saturating_add((costs.gap_b)(jb + j - 1)), 2));
                }
                best
            };
            row.push(cell);
        }
        rows.push(row);
    }
    let mut steps = Vec::with_capacity(n.max(m));
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let mv = if j >= lo(i) && j <= hi(i) {
            rows.get(i)
                .and_then(|r| r.get(j - lo(i)))
                .map_or(1, |c| c.1)
        } else if i > 0 {
            1
        } else {
            2
        };
        match mv {
            0 if i > 0 && j > 0 => {
                steps.push(Step::Both(ia + i - 1, jb + j - 1));
                i -= 1;
                j -= 1;
            }
            1 if i > 0 => {
                steps.push(Step::OnlyA(ia + i - 1));
                i -= 1;
            }
            _ if j > 0 => {
                steps.push(Step::OnlyB(jb + j - 1));
                j -= 1;
            }
            _ => {
                // i > 0 here: the loop runs while i > 0 || j > 0.
                steps.push(Step::OnlyA(ia + i - 1));
                i -= 1;
            }
        }
    }
    steps.reverse();
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(a: &[u32], b: &[u32], approx: &mut Approximation) -> Vec<Step> {
        let pair = |i: usize, j: usize| if a[i] == b[j] { 0 } else { 30 };
        let gap = |_: usize| 20;
        let costs = Costs {
            pair: &pair,
            gap_a: &gap,
            gap_b: &gap,
        };
        let ka: Vec<Option<u32>> = a.iter().map(|&x| Some(x)).collect();
        let kb: Vec<Option<u32>> = b.iter().map(|&x| Some(x)).collect();
        align(a.len(), b.len(), &costs, &ka, &kb, approx)
    }

    #[test]
    fn small_problems_are_exact() {
        let mut approx = Approximation::default();
        let steps = run(&[1, 2, 3], &[1, 3], &mut approx);
        assert_eq!(steps, [Step::Both(0, 0), Step::OnlyA(1), Step::Both(2, 1)]);
        assert_eq!(approx, Approximation::default());
    }

    #[test]
    fn large_problems_are_cut_at_anchors_and_cover_every_unit() {
        // 3,000 against 6,000 units: the exact band would need 18 M cells.
        let a: Vec<u32> = (0..3000).collect();
        let b: Vec<u32> = (0..6000)
            .map(|x| if x % 2 == 0 { x / 2 } else { 100_000 + x })
            .collect();
        let mut approx = Approximation::default();
        let steps = run(&a, &b, &mut approx);
        assert_eq!(approx.anchored, 1);
        assert_eq!(approx.anchors, 3000);
        let both = steps.iter().filter(|s| matches!(s, Step::Both(..))).count();
        assert_eq!(both, 3000);
        let only_b = steps
            .iter()
            .filter(|s| matches!(s, Step::OnlyB(..)))
            .count();
        assert_eq!(only_b, 3000);
    }

    #[test]
    fn no_anchors_falls_back_to_a_narrow_band_that_still_reaches_the_corner() {
        let a = vec![7u32; 2500];
        let b = vec![7u32; 5000];
        let mut approx = Approximation::default();
        let steps = run(&a, &b, &mut approx);
        assert_eq!(approx.narrowed, 1);
        let mut seen_a = 0;
        let mut seen_b = 0;
        for s in &steps {
            match s {
                Step::Both(..) => {
                    seen_a += 1;
                    seen_b += 1;
                }
                Step::OnlyA(_) => seen_a += 1,
                Step::OnlyB(_) => seen_b += 1,
            }
        }
        assert_eq!((seen_a, seen_b), (2500, 5000));
    }

    #[test]
    fn anchors_keep_order_and_skip_repeated_keys() {
        let ka = [Some(1), Some(2), Some(3), Some(9), Some(9)];
        let kb = [Some(3), Some(1), Some(2), Some(9), None];
        assert_eq!(anchors(&ka, &kb), [(0, 1), (1, 2)]);
    }
}
