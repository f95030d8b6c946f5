//! Checking that numbers run 1, 2, 3… and reporting only the numbers that
//! break the run: one renumbered point is one finding, not one for it and
//! another for the next point that now looks duplicated.

/// What is wrong with one number of a sequence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Break {
    /// Fits neither neighbour: should have been `expected`.
    Misfit { expected: u32 },
    /// Repeats the previous number.
    Duplicate,
    /// Numbers `from..=to` are missing before it.
    Gap { from: u32, to: u32 },
    /// Smaller than the previous number.
    Backwards { previous: u32 },
}

/// The breaks of a sequence that should run 1, 2, 3…: (index, break).
pub fn breaks(numbers: &[u32]) -> Vec<(usize, Break)> {
    let mut out = Vec::new();
    let mut prev = 0u32; // the previous number as it should have been
    for (i, &n) in numbers.iter().enumerate() {
        // Saturating: a label may carry any number up to `u32::MAX`.
        let fits_prev = n == prev.saturating_add(1);
        let fits_next = numbers
            .get(i + 1)
            .is_none_or(|&next| next == n.saturating_add(1));
        if fits_prev {
            prev = n;
            continue;
        }
        // Fits neither the number before nor the one after: this one is wrong.
        if !fits_next {
            out.push((
                i,
                Break::Misfit {
                    expected: prev.saturating_add(1),
                },
            ));
            prev = prev.saturating_add(1);
            continue;
        }
        if n == prev {
            out.push((i, Break::Duplicate));
        } else if n > prev.saturating_add(1) {
            out.push((
                i,
                Break::Gap {
                    from: prev.saturating_add(1),
                    to: n - 1,
                },
            ));
            prev = n;
        } else {
            out.push((i, Break::Backwards { previous: prev }));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn idx(v: &[u32]) -> Vec<usize> {
        breaks(v).into_iter().map(|(i, _)| i).collect()
    }

    #[test]
    fn one_renumbered_point_is_one_break() {
        assert_eq!(idx(&[1, 2, 4, 4]), [2]);
        assert_eq!(idx(&[1, 2, 4, 4, 5]), [2]);
        assert_eq!(breaks(&[1, 2, 4, 4])[0].1, Break::Misfit { expected: 3 });
    }

    #[test]
    fn deleted_duplicated_and_swapped() {
        assert_eq!(breaks(&[1, 2, 4, 5]), [(2, Break::Gap { from: 3, to: 3 })]);
        assert_eq!(breaks(&[1, 2, 2, 3]), [(2, Break::Duplicate)]);
        assert_eq!(idx(&[1, 3, 2, 4]), [1, 2]);
        assert_eq!(idx(&[1, 2, 3]), Vec::<usize>::new());
        assert_eq!(breaks(&[2, 3]), [(0, Break::Gap { from: 1, to: 1 })]);
    }
}
