//! The syntax tree on one large document (`cargo bench --bench tree`): parse
//! time of a 20 MB document and the bytes of tree per node, measured with a
//! counting allocator (memory the tree holds, freed when it is dropped).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator and only counts sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        LIVE.fetch_add(l.size(), Ordering::Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        unsafe { System.dealloc(p, l) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// A 20 MB document: the body of a real text repeated (one header, one
/// title, then recitals and points over and over).
fn large_document() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/corpus/lv-6122-15-cyber-diplomacy.txt"
    );
    let text = std::fs::read_to_string(path).expect("corpus file");
    let mut out = String::with_capacity(21 << 20);
    while out.len() < 20 << 20 {
        out.push_str(&text);
        out.push_str("\n\n");
    }
    out
}

fn bench(c: &mut Criterion) {
    let text = large_document();
    let lang = conclint::lexicon::Language::get("lv");
    let mut doc = conclint::parse::parse(text.clone(), lang);
    let nodes = conclint::bench_support::node_count(&doc);
    let before = LIVE.load(Ordering::Relaxed);
    conclint::bench_support::drop_tree(&mut doc);
    let tree_bytes = before - LIVE.load(Ordering::Relaxed);
    eprintln!(
        "tree: {nodes} nodes, {tree_bytes} bytes, {:.1} bytes per node",
        tree_bytes as f64 / nodes as f64
    );
    let mut g = c.benchmark_group("tree-20MB");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("parse", |b| {
        b.iter(|| std::hint::black_box(conclint::parse::parse(text.clone(), lang)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
