//! Load-and-check time of each bundled protocol (protocol file and all translations), and the
//! cost of one interview step: answering the current question and moving to the next one.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use fieldscreen_catalog::{check, load, read_app_strings, read_protocol_dir};
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
        c.bench_function(&format!("load/{id}"), |b| {
            b.iter(|| black_box(load(black_box(&src), &app, today).expect("loads")))
        });
    }

    // A session halfway through the adult protocol, so that relevance is evaluated over many
    // earlier answers.
    let src = read_protocol_dir(&root().join("screening_protocols/adult-trafficking")).expect("protocol dir");
    let loaded = load(&src, &app, today).expect("loads");
    let mut session = Session::new(loaded.protocol.clone());
    session.start();
    let gate = [
        Answer::Yes,
        Answer::No,
        Answer::Choice("no-interpreter".into()),
        Answer::Yes,
        Answer::Choice("full".into()),
        Answer::Number(30),
    ];
    for a in gate {
        session.answer(a).expect("gate");
    }
    while session.current().is_some_and(|q| q.id != "free_to_leave") {
        let kind = session.current().map(|q| q.kind.clone()).expect("question");
        let a = match kind {
            Kind::YesNo | Kind::Observation => Answer::No,
            Kind::Single(c) => Answer::Choice(c[1].code.clone()),
            Kind::Number { .. } => Answer::Number(14),
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

criterion_group!(protocol_benches, benches);
criterion_main!(protocol_benches);
