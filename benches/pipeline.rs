//! Per-stage throughput on the corpus (`cargo bench`): normalise, parse
//! (normalise + tree + clauses), classify, lint, render, align.

use conclint::lint::config::Config;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;

fn corpus() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| std::fs::read_to_string(&p).expect("utf-8"))
        .collect()
}

fn bench(c: &mut Criterion) {
    let files = corpus();
    let total: u64 = files.iter().map(|t| t.len() as u64).sum();
    let docs: Vec<_> = files
        .iter()
        .map(|t| conclint::parse::parse(t.clone(), None))
        .collect();
    let config = Config::default();
    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(total));
    g.bench_function("normalize", |b| {
        b.iter(|| {
            for (t, d) in files.iter().zip(&docs) {
                std::hint::black_box(conclint::normalize::normalize(t, d.language));
            }
        })
    });
    g.bench_function("parse", |b| {
        b.iter(|| {
            for t in &files {
                std::hint::black_box(conclint::parse::parse(t.clone(), None));
            }
        })
    });
    g.bench_function("classify", |b| {
        b.iter(|| {
            for d in &docs {
                std::hint::black_box(conclint::classify::classify(d));
            }
        })
    });
    g.bench_function("lint", |b| {
        b.iter(|| {
            for d in &docs {
                std::hint::black_box(conclint::lint::lint(d, &config));
            }
        })
    });
    let findings: Vec<_> = docs
        .iter()
        .map(|d| conclint::lint::lint(d, &config))
        .collect();
    g.bench_function("render-json", |b| {
        b.iter(|| {
            for (d, f) in docs.iter().zip(&findings) {
                std::hint::black_box(
                    serde_json::to_string(&conclint::render::json::file(d, "x", f)).unwrap(),
                );
            }
        })
    });
    g.bench_function("render-human", |b| {
        b.iter(|| {
            for (d, f) in docs.iter().zip(&findings) {
                std::hint::black_box(conclint::render::human::render(
                    d,
                    "x",
                    f,
                    conclint::render::human::Style {
                        color: false,
                        width: 100,
                        show_fixes: false,
                    },
                ));
            }
        })
    });
    g.finish();
}

/// `align` on the corpus's one pair of language versions (6122/15 in
/// Latvian and Dutch), parsed outside the clock.
fn bench_align(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let version = |name: &str| {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path).expect("utf-8");
        conclint::align::Version::new(name.to_string(), conclint::parse::parse(text, None))
    };
    let a = version("lv-6122-15-cyber-diplomacy.txt");
    let b = version("nl-6122-15-cyber-diplomacy.txt");
    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(
        (a.doc.source.len() + b.doc.source.len()) as u64,
    ));
    g.bench_function("align", |bench| {
        bench.iter(|| std::hint::black_box(conclint::align::align(&a, &b)))
    });
    g.finish();
}

criterion_group!(benches, bench, bench_align);
criterion_main!(benches);
