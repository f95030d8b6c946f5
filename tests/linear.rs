//! Work grows linearly with input on the pathological inputs that were once
//! quadratic: doubling the input may at most triple the time (a generous
//! bound, so that a loaded machine does not make the test flaky; a quadratic
//! path quadruples it, and the sizes are chosen so that it would dominate).
//!
//! Each input is timed at two sizes, the best of several runs, through the
//! library: parse, lint, and the columns every finding is rendered with.

use conclint::align::{align, Version};
use conclint::lint::{config::Config, lint};
use conclint::parse::{parse, Document};
use std::time::{Duration, Instant};

const RUNS: usize = 3;
const MAX_RATIO: f64 = 3.0;
/// Below this the clock says nothing: both sizes are simply fast.
const TOO_FAST: Duration = Duration::from_millis(15);

/// The tests of this file run one at a time: timed in parallel threads they
/// would time each other.
static CLOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Taken for the whole of each test (its untimed parsing would slow the
/// timed runs of another); a test that panicked holding it leaves it usable.
fn clock() -> std::sync::MutexGuard<'static, ()> {
    CLOCK
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn best_of(f: &dyn Fn()) -> Duration {
    (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn lv() -> Option<&'static conclint::lexicon::Language> {
    conclint::lexicon::Language::get("lv")
}

/// Lints a parsed document and finds the line and column of every finding
/// (what every output format shows).
fn lint_all(doc: &Document) -> usize {
    let found = lint(doc, &Config::default());
    found
        .iter()
        .map(|f| doc.line_of(f.start) + doc.column_of(f.start) + doc.column_of(f.end))
        .fold(found.len(), usize::wrapping_add)
}

/// Times `run` on the text `make` gives at sizes `n` and `2n`. Parsing is
/// done once per size, outside the clock, unless `run` does it itself: the
/// paths that were quadratic are in the stages after it, and parsing a
/// large text in a debug build would only blur them.
fn assert_linear(name: &str, make: &dyn Fn(usize) -> String, n: usize) {
    let (small, large) = (make(n), make(2 * n));
    let (d1, d2) = (parse(small.clone(), lv()), parse(large.clone(), lv()));
    let t1 = best_of(&|| {
        std::hint::black_box(lint_all(&d1));
    });
    let t2 = best_of(&|| {
        std::hint::black_box(lint_all(&d2));
    });
    assert_growth(name, (small.len(), t1), (large.len(), t2));
}

fn assert_growth(name: &str, (n1, t1): (usize, Duration), (n2, t2): (usize, Duration)) {
    eprintln!("{name}: {n1} {t1:?} {n2} {t2:?}");
    if t2 < TOO_FAST {
        return;
    }
    let ratio = t2.as_secs_f64() / t1.as_secs_f64().max(1e-6);
    assert!(
        ratio <= MAX_RATIO,
        "{name}: {n1} took {t1:?}, {n2} {t2:?} (×{ratio:.1} for twice the input)"
    );
}

const HEAD: &str = "PADOMES SECINĀJUMI\n\nEIROPAS SAVIENĪBAS PADOME,\n\n";

fn one_line(unit: &str, n: usize) -> String {
    format!("{HEAD}UZSVER, ka {};\n", unit.repeat(n))
}

#[test]
fn open_brackets_without_a_close() {
    let _clock = clock();
    assert_linear("[ × n", &|n| one_line("[", n), 20_000);
}

#[test]
fn deeply_nested_brackets() {
    let _clock = clock();
    let make = |n: usize| {
        format!(
            "{HEAD}UZSVER, ka {}x{};\n",
            "[(«".repeat(n),
            "»)]".repeat(n)
        )
    };
    assert_linear("nested", &make, 2_000);
}

#[test]
fn many_quotation_marks() {
    let _clock = clock();
    assert_linear("quotes", &|n| one_line("\"„“”«", n), 5_000);
}

#[test]
fn a_long_line_full_of_findings() {
    let _clock = clock();
    let unit = "XXX  [...] [datums] [teksts te] 19XX ¹  …/… ";
    assert_linear("findings", &|n| one_line(unit, n), 1_200);
}

#[test]
fn many_footnote_markers_and_definitions() {
    let _clock = clock();
    let make = |n: usize| {
        let refs: String = (1..=n)
            .map(|i| format!("vārds{} ", "¹²³⁴⁵⁶⁷⁸⁹".chars().nth(i % 9).unwrap_or('¹')))
            .collect();
        let defs: String = (1..=n).map(|i| format!("{i} Dok. {i}/15.\n\n")).collect();
        format!("{HEAD}UZSVER, ka {refs};\n\n{defs}")
    };
    assert_linear("footnotes", &make, 1_000);
}

#[test]
fn capitals_and_slashes_in_numbers() {
    let _clock = clock();
    // Runs of capitals and of `1/2/3/…` were read to their end from each start.
    let make = |n: usize| one_line("ABCDEFGHIJ 1/2/3/4/5/6/7/8/9/", n);
    let time = |n: usize| {
        let t = make(n);
        let d = best_of(&|| {
            std::hint::black_box(conclint::align::numbers::values(&t));
        });
        (t.len(), d)
    };
    assert_growth("values", time(3_000), time(6_000));
}

#[test]
fn aligning_versions_of_very_different_lengths() {
    let _clock = clock();
    // Unnumbered paragraphs (no anchors): the alignment falls back to a
    // narrow band, and says so.
    let version = |verb: &str, n: usize| -> Version {
        let body: String = (1..=n).map(|i| format!("{verb}, ka {i};\n\n")).collect();
        Version::new(verb.into(), parse(format!("{HEAD}{body}"), lv()))
    };
    // 1,500 against 3,000 units: past the cell cap of the exact alignment.
    let n = 1_500;
    let mut times = Vec::new(); // at n and 2n
    for size in [n, 2 * n] {
        let (a, b) = (version("UZSVER", size), version("AICINA", 2 * size));
        assert_eq!(
            (
                a.doc.nodes().count() > size,
                b.doc.nodes().count() > 2 * size
            ),
            (true, true)
        );
        times.push(best_of(&|| {
            std::hint::black_box(align(&a, &b));
        }));
        let al = align(&a, &b);
        assert!(
            !al.notes.is_empty(),
            "an alignment past the cap says it is approximate"
        );
    }
    assert_growth("align", (n, times[0]), (2 * n, times[1]));
}
