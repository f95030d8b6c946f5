//! Parse + classify throughput on the corpus (`cargo bench`).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;

fn corpus() -> Vec<(String, String)> {
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
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("utf-8"))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let files = corpus();
    let total: usize = files.iter().map(|(_, t)| t.len()).sum();
    let mut group = c.benchmark_group("parse+classify");
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("corpus", |b| {
        b.iter(|| {
            for (_, text) in &files {
                let doc = conclint::parse::parse(text.clone(), None);
                std::hint::black_box(conclint::classify::classify(&doc));
            }
        })
    });
    group.finish();
    let mut group = c.benchmark_group("normalize");
    group.throughput(Throughput::Bytes(total as u64));
    let lang = conclint::lexicon::Language::get("lv").unwrap();
    group.bench_function("corpus", |b| {
        b.iter(|| {
            for (_, text) in &files {
                std::hint::black_box(conclint::normalize::normalize(text, lang));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
