//! Pathological inputs at two sizes each: the time at 2N should be about
//! twice the time at N (linear work). Run with
//! `cargo bench --bench pathological`.

use conclint::align::{align, Version};
use conclint::lint::{config::Config, lint};
use conclint::parse::parse;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const HEAD: &str = "PADOMES SECINĀJUMI\n\nEIROPAS SAVIENĪBAS PADOME,\n\n";

fn one_line(unit: &str, n: usize) -> String {
    format!("{HEAD}UZSVER, ka {};\n", unit.repeat(n))
}

/// A class of input: its name, the text of size `n`, and the smaller `n`.
type Class = (&'static str, fn(usize) -> String, usize);

fn classes() -> Vec<Class> {
    vec![
        ("open-brackets", |n| one_line("[", n), 200_000),
        ("parentheses", |n| one_line("(", n), 200_000),
        ("guillemets", |n| one_line("«", n), 100_000),
        ("quotes", |n| one_line("\"„“", n), 50_000),
        (
            "line-of-findings",
            |n| one_line("XXX  [...] [datums] [teksts te] 19XX ¹  uzsver …/… ", n),
            10_000,
        ),
        (
            "footnotes",
            |n| {
                let refs: String = (0..n)
                    .map(|i| format!("vārds{} ", "¹²³⁴⁵⁶⁷⁸⁹".chars().nth(i % 9).unwrap_or('¹')))
                    .collect();
                let defs: String = (1..=n).map(|i| format!("{i} Dok. {i}/15.\n\n")).collect();
                format!("{HEAD}UZSVER, ka {refs};\n\n{defs}")
            },
            20_000,
        ),
        (
            "nested-brackets",
            |n| {
                format!(
                    "{HEAD}UZSVER, ka {}x{};\n",
                    "[(«".repeat(n),
                    "»)]".repeat(n)
                )
            },
            50_000,
        ),
        (
            "tiny-blocks",
            |n| format!("{HEAD}{}", "UZSVER, ka a;\n\n".repeat(n)),
            25_000,
        ),
        ("no-spaces", |n| one_line("abcdefghij", n), 50_000),
        ("capitals", |n| one_line("ABCDEFGHIJ", n), 50_000),
        ("digits", |n| one_line("1234567890", n), 50_000),
        (
            "labels",
            |n| format!("{HEAD}UZSVER, ka:\n\n{}", "1. a;\n\n".repeat(n)),
            10_000,
        ),
        (
            "headings",
            |n| format!("{HEAD}{}", "I. VIRSRAKSTS\n\nUZSVER, ka a;\n\n".repeat(n)),
            10_000,
        ),
    ]
}

fn lv() -> Option<&'static conclint::lexicon::Language> {
    conclint::lexicon::Language::get("lv")
}

fn lint_classes(c: &mut Criterion) {
    let mut group = c.benchmark_group("pathological");
    group.sample_size(10);
    for (name, make, n) in classes() {
        for size in [n, 2 * n] {
            let text = make(size);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, size), &text, |b, text| {
                b.iter(|| {
                    let doc = parse(text.clone(), lv());
                    let found = lint(&doc, &Config::default());
                    found.iter().map(|f| doc.column_of(f.start)).sum::<usize>()
                })
            });
        }
    }
    group.finish();
}

fn points(verb: &str, n: usize) -> String {
    let body: String = (1..=n)
        .map(|i| {
            format!(
                "{i}. {verb}, ka dalībvalstis {} un dokuments {i}/15;\n\n",
                2000 + i % 20
            )
        })
        .collect();
    format!("{HEAD}{body}")
}

fn align_pairs(c: &mut Criterion) {
    let mut group = c.benchmark_group("pathological-align");
    group.sample_size(10);
    // One version twice as long as the other: the band of the exact
    // alignment would be as wide as the shorter one.
    for n in [10_000, 20_000] {
        let a = Version::new("a".into(), parse(points("UZSVER", n), lv()));
        let b = Version::new("b".into(), parse(points("AICINA", 2 * n), lv()));
        group.bench_function(BenchmarkId::new("half-against-whole", n), |bench| {
            bench.iter(|| align(&a, &b).steps.len())
        });
    }
    group.finish();
}

criterion_group!(benches, lint_classes, align_pairs);
criterion_main!(benches);
