//! Load-and-check time of each bundled protocol (protocol file and all translations), and the
//! cost of one interview step: answering the current question and moving to the next one.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use fieldscreen_catalog::{Catalog, ProtocolSource, TextFile, check, read_app_strings, read_protocol_dir};
use fieldscreen_protocol::{Answer, Kind, Session};
use std::hint::black_box;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn benches(c: &mut Criterion) {
    let app = read_app_strings(&root().join("locales")).expect("app strings");
    let today = Some(jiff::civil::date(2026, 12, 1));
    for id in ["adult-trafficking", "child-trafficking", "rapid-screen"] {
        let src = read_protocol_dir(&root().join("screening_protocols").join(id)).expect("protocol dir");
        c.bench_function(&format!("check/{id}"), |b| {
            b.iter(|| black_box(check(black_box(&src), &app, today)))
        });
        // A fresh catalog each time: its first request checks and loads (the next ones share).
        c.bench_function(&format!("load/{id}"), |b| {
            b.iter(|| {
                let catalog = Catalog::new(vec![src.clone()], app.clone());
                black_box(catalog.load(black_box(id), today).expect("loads"))
            })
        });
    }

    // A protocol of about 5 MB (protocol file and English messages): the malformed corpus's
    // valid base with generated yes/no questions, every other one relevant on the one before.
    let big = generated(27_000);
    let megabytes = big.protocol.as_ref().map_or(0, |f| f.text.len())
        + big.locales.iter().map(|(_, f)| f.text.len()).sum::<usize>();
    let mut group = c.benchmark_group("check-large");
    group.sample_size(10);
    group.bench_function(format!("check/generated-{:.1}MB", megabytes as f64 / 1e6), |b| {
        b.iter(|| black_box(check(black_box(&big), &app, today)))
    });
    group.finish();

    // A session halfway through the adult protocol, so that relevance is evaluated over many
    // earlier answers.
    let src = read_protocol_dir(&root().join("screening_protocols/adult-trafficking")).expect("protocol dir");
    let loaded = Catalog::new(vec![src], app)
        .load("adult-trafficking", today)
        .expect("loads");
    let mut session = Session::new(loaded.protocol.clone());
    session.start();
    while session.current().is_some_and(|q| q.id != "free_to_leave") {
        let (id, kind) = session
            .current()
            .map(|q| (q.id.clone(), q.kind.clone()))
            .expect("question");
        let a = match (id.as_str(), kind) {
            ("safety_alone" | "safety_place" | "assent", _) => Answer::Yes,
            ("safety_interpreter", _) => Answer::Choice("no-interpreter".into()),
            ("consent", _) => Answer::Choice("full".into()),
            ("age", _) => Answer::Number(30),
            (_, Kind::YesNo | Kind::Observation) => Answer::No,
            (_, Kind::Single(c)) => Answer::Choice(c[1].code.clone()),
            (_, Kind::Number { .. }) => Answer::Number(14),
            _ => Answer::DontKnow,
        };
        session.answer(a).expect("answer");
    }
    c.bench_function("step/answer-and-next-question", |b| {
        b.iter_batched(
            || session.clone(),
            |mut s| {
                s.answer(Answer::No).expect("answer");
                black_box(s.current().map(|q| q.id.len()))
            },
            BatchSize::SmallInput,
        )
    });
    c.bench_function("step/outcome-mid-interview", |b| {
        b.iter(|| black_box(session.outcome(jiff::civil::date(2026, 12, 1))))
    });
}

/// The corpus's valid base protocol with `n` generated questions and their English messages.
fn generated(n: usize) -> ProtocolSource {
    let base = root().join("tests/malformed");
    let read = |name: &str| std::fs::read_to_string(base.join(name)).expect("base file");
    let toml = read("base.toml").replace("CASE_ID", "generated");
    let mut en = read("base.en.ftl");
    let at = toml.find("[[dimension_rules]]").expect("dimension rules");
    let mut questions = String::from("[[sections]]\nid = \"generated\"\ntitle = \"section-work\"\n\n");
    for i in 0..n {
        questions.push_str(&format!(
            "[[sections.questions]]\nid = \"g{i}\"\ntype = \"yes-no\"\ntext = \"q-g{i}\"\n"
        ));
        if i % 2 == 0 && i > 0 {
            questions.push_str(&format!("relevant = {{ q = \"g{}\", is = \"yes\" }}\n", i - 1));
        }
        questions.push('\n');
        en.push_str(&format!(
            "q-g{i} = Generated question number {i}, worded at some length so that the file grows like a real one?\n"
        ));
    }
    let file = |path: &str, text: String| TextFile {
        path: path.into(),
        text,
    };
    ProtocolSource {
        dir: "generated".into(),
        dir_name: "generated".into(),
        protocol: Some(file(
            "generated/protocol.toml",
            format!("{}{questions}{}", &toml[..at], &toml[at..]),
        )),
        locales: vec![
            ("en".into(), file("generated/locales/en.ftl", en)),
            ("fr".into(), file("generated/locales/fr.ftl", read("base.fr.ftl"))),
        ],
        unreadable: Vec::new(),
        media: Vec::new(),
    }
}

criterion_group!(protocol_benches, benches);
criterion_main!(protocol_benches);
