//! The real app binary under Xvfb, driven through WebDriver: first run, a whole adult interview
//! in English with Arabic beside it, the outcome, a restart with a wrong and then the right
//! passphrase, the case found again with its transcript, and quick exit. Screenshots of every
//! step go to target/screenshots/e2e.

mod support;

use serde_json::Value;
use support::{App, Display, Driver, Gate, Relay, Res, Script, root};

const PASSPHRASE: &str = "correct horse battery staple";

/// The question on screen (id, kind), or the outcome level.
async fn where_we_are(app: &App, previous: Option<&str>) -> Res<(String, String)> {
    let v = app
        .until(
            "the next question or the outcome",
            &format!(
                "const s = document.querySelector('section[data-question]');
                 if (s && s.dataset.question !== {prev:?}) return [s.dataset.question, s.dataset.kind];
                 const o = document.querySelector('[data-level]');
                 if (o) return ['outcome', o.dataset.level];
                 const e = document.querySelector('[role=alert]');
                 if (e && e.textContent) return ['error', e.textContent];
                 return null;",
                prev = previous.unwrap_or("")
            ),
        )
        .await?;
    let pair = |i: usize| v.get(i).and_then(Value::as_str).unwrap_or_default().to_string();
    Ok((pair(0), pair(1)))
}

/// Answers one question the way the script's CLI input would: a number picks the nth choice,
/// `?` `-` `>` are don't know, prefer not to say and skip, anything else is typed.
async fn answer(app: &App, kind: &str, value: &str) -> Res<()> {
    let section = "section[data-question]";
    match value {
        "?" => app.click(&format!("{section} [data-action=dont-know]")).await,
        "-" => app.click(&format!("{section} [data-action=prefer-not]")).await,
        ">" => app.click(&format!("{section} [data-action=skip]")).await,
        _ if kind == "note" => app.click(&format!("{section} button.primary")).await,
        _ if kind == "multiple" => {
            // Codes separated by commas, as at the CLI's prompt.
            for code in value.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                app.click(&format!("{section} .choices input[data-code=\"{code}\"]"))
                    .await?;
            }
            app.click(&format!("{section} .choices button.primary")).await
        }
        _ if app.count(&format!("{section} button.answer")).await? > 0 => {
            // A choice by its number, as at the CLI's prompt, or by its code (`no`, `construction`).
            match value.parse::<usize>() {
                Ok(n) => {
                    app.click(&format!("{section} .choices button.answer:nth-child({n})"))
                        .await
                }
                Err(_) => {
                    app.click(&format!("{section} .choices button.answer[data-code=\"{value}\"]"))
                        .await
                }
            }
        }
        _ => {
            app.fill(&format!("{section} form input"), value).await?;
            app.click(&format!("{section} form button[type=submit]")).await
        }
    }
}

/// Runs a scripted interview to its end; returns the outcome level and how many screens it took.
/// With `skip_unlisted`, a question the script does not name is skipped, as the CLI's
/// `--unlisted skip` does.
async fn interview(app: &App, script: &Script, skip_unlisted: bool) -> Res<(String, usize)> {
    let mut previous: Option<String> = None;
    let mut screens = 0;
    loop {
        let (question, kind) = where_we_are(app, previous.as_deref()).await?;
        match question.as_str() {
            "outcome" => return Ok((kind, screens)),
            "error" => return Err(format!("the app refused an answer after {previous:?}: {kind}").into()),
            _ => {}
        }
        if screens == 0 && !skip_unlisted {
            app.shot("03-first-question-en-ar").await?;
        }
        if question == "sector" && !skip_unlisted {
            check_bilingual(app).await?;
            app.shot("04-bilingual-question-en-ar").await?;
        }
        if script.stop_at.as_deref() == Some(question.as_str()) {
            app.click("[data-action=stop]").await?;
            previous = Some(question);
            continue;
        }
        let value = match script.answer_for(&question) {
            Some(v) => v,
            None if skip_unlisted => ">",
            None => return Err(format!("the script has no answer for `{question}`").into()),
        };
        answer(app, &kind, value).await?;
        previous = Some(question);
        screens += 1;
    }
}

/// On a first run (no vault yet): the new passphrase, typed twice, and the home screen.
async fn choose_passphrase(app: &App) -> Res<()> {
    app.fill("form input[type=password]", PASSPHRASE).await?;
    app.fill("form label:nth-of-type(3) input[type=password]", PASSPHRASE)
        .await?;
    app.click("form button[type=submit]").await?;
    app.wait("[data-action=start]").await?;
    Ok(())
}

/// English and Arabic side by side, each block with its own language and direction.
async fn check_bilingual(app: &App) -> Res<()> {
    let blocks = app
        .script(
            "return [...document.querySelectorAll('.texts .question')].map(p => [p.lang, p.dir, getComputedStyle(p).direction]);",
            vec![],
        )
        .await?;
    let expected = serde_json::json!([["en", "ltr", "ltr"], ["ar", "rtl", "rtl"]]);
    if blocks != expected {
        return Err(format!("question blocks are {blocks}, expected {expected}").into());
    }
    Ok(())
}

#[tokio::test(flavor = "current_thread")]
async fn screening_survives_a_restart_and_quick_exit_hides_it() -> Res<()> {
    let _serial = support::one_at_a_time().await;
    let display = Display::start()?;
    let vault = tempfile::tempdir()?;
    let driver = Driver::start(&display, vault.path())?;
    let script = Script::read("adult-refer-now.answers")?;
    let expected_level = script
        .header("expect level")
        .ok_or("the script names no level")?
        .to_string();

    // First run: no vault yet, so the app asks for a new passphrase twice.
    let app = driver.launch().await?;
    app.wait("form input[type=password]").await?;
    if app.count("form input[type=password]").await? != 2 {
        return Err("the first run should ask for the passphrase twice".into());
    }
    app.shot("01-first-run").await?;
    choose_passphrase(&app).await?;
    app.shot("02-home-empty").await?;

    // A whole adult interview, the interviewer in English, the respondent in Arabic.
    app.click("[data-action=start]").await?;
    app.click("input[name=protocol][value=adult-trafficking]").await?;
    app.choose("[data-field=interviewer-lang]", "en").await?;
    app.choose("[data-field=respondent-lang]", "ar").await?;
    app.click("form button[type=submit]").await?;
    let (level, screens) = interview(&app, &script, false).await?;
    app.shot("05-outcome").await?;
    assert_eq!(
        level, expected_level,
        "the app's outcome differs from the CLI's for the same answers"
    );
    assert!(screens >= 30, "a whole adult interview, not {screens} screens");
    let outcome_text = app.text("main").await?;
    for part in [
        "Suggested referrals",
        "Safety notes for you",
        "not a legal identification",
    ] {
        assert!(outcome_text.contains(part), "the outcome screen lacks `{part}`");
    }

    // The interviewer's own judgement, with a reason, beside the computed level.
    app.click("details summary").await?;
    app.choose("details select", "assess-further").await?;
    app.fill("details textarea", "Second opinion wanted before referral")
        .await?;
    app.click("details button[type=submit]").await?;
    app.until(
        "the overridden level",
        "return document.querySelector('[data-level]')?.dataset.level === 'assess-further';",
    )
    .await?;
    let overridden = app.text("main").await?;
    assert!(overridden.contains("The rules gave:") && overridden.contains("Second opinion wanted"));
    app.shot("05b-outcome-overridden").await?;
    app.click("[data-action=home]").await?;
    app.wait(".cases li").await?;
    app.quit().await?;

    // Restart: the vault exists, so one passphrase field; a wrong passphrase is refused.
    let app = driver.launch().await?;
    app.wait("form input[type=password]").await?;
    assert_eq!(app.count("form input[type=password]").await?, 1);
    app.fill("form input[type=password]", "not the passphrase").await?;
    app.click("form button[type=submit]").await?;
    let refusal = app.text("[role=alert]").await?;
    assert!(
        refusal.contains("Wrong passphrase"),
        "wrong-passphrase message, got `{refusal}`"
    );
    app.shot("06-wrong-passphrase").await?;
    app.fill("form input[type=password]", PASSPHRASE).await?;
    app.click("form button[type=submit]").await?;

    // The case is there, filtered by its outcome, with the whole transcript.
    app.choose(".filters label:nth-of-type(2) select", "assess-further")
        .await?;
    app.until(
        "one case in the list",
        "return document.querySelectorAll('.cases li').length === 1;",
    )
    .await?;
    app.shot("07-home-filtered").await?;

    // Reports: one case is below k, so every count is hidden, in English and in Arabic.
    app.click("[data-action=reports]").await?;
    app.wait(".bars li").await?;
    let figures = app.text("main").await?;
    assert!(
        figures.contains("hidden") && !figures.contains("MARKER-7731"),
        "{figures}"
    );
    app.shot("07b-reports-en").await?;
    app.choose("header select", "ar").await?;
    app.until(
        "the Arabic reports",
        "return document.documentElement.dir === 'rtl' && document.querySelector('.bars li') !== null;",
    )
    .await?;
    app.shot("07c-reports-ar").await?;
    app.choose("header select", "en").await?;
    app.until("English again", "return document.documentElement.dir === 'ltr';")
        .await?;
    app.click("main .row button").await?;
    app.wait(".cases li").await?;
    app.click(".cases li button.open").await?;
    app.wait(".transcript li").await?;
    let answered = app.count(".transcript li:not(.section)").await?;
    assert!(answered >= 30, "the transcript shows {answered} answers");
    let detail = app.text("main").await?;
    assert!(
        detail.contains("MARKER-7731"),
        "the free-text answer is in the transcript"
    );
    app.shot("08-case-detail").await?;

    // A referral moves on from the case detail; a refusal cannot be recorded without a reason.
    app.click(".tracks > li:first-child [data-next=offered]").await?;
    app.until(
        "the referral offered",
        "return document.querySelector('.tracks > li .status')?.textContent === 'Offered';",
    )
    .await?;
    let declined_disabled = app
        .script(
            "return document.querySelector('.tracks > li:first-child [data-next=declined]').disabled;",
            vec![],
        )
        .await?;
    assert_eq!(declined_disabled, Value::Bool(true), "declining needs a reason first");
    app.shot("08b-referral-offered").await?;

    // Sync through a real relay: a team is made on it, a phone invited (QR code, countdown) and
    // let in after comparing digits, the case sent to it; then the phone is revoked.
    let relay = Relay::start()?;
    app.click("main .row button").await?;
    app.click("[data-action=team]").await?;
    app.fill("[data-field=relay]", &relay.url).await?;
    app.fill("[data-field=team-name]", "Shelter office").await?;
    app.click("[data-action=create-team]").await?;
    let team_id = app.text("[data-team=id]").await?;
    assert_eq!(app.text("[data-team=epoch]").await?, "1");
    app.click("[data-action=invite]").await?;
    app.wait("img.qr").await?;
    let code = app.text("[data-invite=code]").await?;
    assert!(code.starts_with("FSJOIN2."), "{code}");
    let left = app.text("[data-invite=left]").await?;
    assert!(left.starts_with("14:") || left == "15:00", "countdown {left}");
    app.shot("08c-team-invite").await?;
    // The phone (the same core the CLI runs) asks to join with the code; the app shows its
    // request with the digits the phone's screen shows.
    let phone_dir = tempfile::tempdir()?;
    let mut phone = fieldscreen_vault::Vault::init(
        phone_dir.path(),
        "a phone passphrase",
        fieldscreen_vault::KdfParams::DEFAULT,
    )?;
    let pending = fieldscreen_sync::membership::request_join(&mut phone, &code, Some("field phone"), false)?;
    app.until(
        "the join request",
        "return document.querySelectorAll('[data-request=comparison]').length === 1;",
    )
    .await?;
    assert_eq!(app.text("[data-request=comparison]").await?, pending.comparison);
    app.shot("08d-team-request").await?;
    app.click("[data-action=approve]").await?;
    app.until(
        "two devices",
        "return document.querySelectorAll('[data-member]').length === 2;",
    )
    .await?;
    assert_eq!(
        app.count("[data-invite=code]").await?,
        0,
        "a used invitation stays on screen"
    );
    let joined = fieldscreen_sync::membership::finish_join(&mut phone)?;
    assert!(
        matches!(joined, fieldscreen_sync::membership::JoinState::Joined { .. }),
        "{joined:?}"
    );
    app.click("main .row button").await?;
    app.click("[data-action=sync-now]").await?;
    app.until(
        "the sync to finish",
        "return document.querySelector('.sync [role=status]')?.textContent.includes('Sync finished');",
    )
    .await?;
    assert_eq!(app.text("[data-sync=pending]").await?, "0", "changes left unsent");
    app.shot("08e-synced").await?;
    assert!(relay.occurrences(&team_id)? > 0, "the relay holds nothing of the team");
    assert_eq!(
        relay.occurrences("MARKER-7731")?,
        0,
        "an answer is readable on the relay"
    );
    let mut team = fieldscreen_sync::Team::require(&mut phone)?;
    let mut transport = fieldscreen_sync::HttpRelay::new(&team);
    let got = fieldscreen_sync::sync(&mut phone, &mut team, &mut transport, &mut |_| None, &mut |_| {})?;
    assert!(got.cases_new >= 1, "the phone received no case: {got:?}");
    // Revoked from the Team screen (two clicks): a new epoch, and the phone is shut out.
    app.click("[data-action=team]").await?;
    app.click("[data-action=revoke]").await?;
    app.click("[data-action=revoke-confirm]").await?;
    app.until(
        "the new epoch",
        "return document.querySelector('[data-team=epoch]')?.textContent === '2';",
    )
    .await?;
    app.shot("08f-team-revoked").await?;
    let refused = fieldscreen_sync::sync(&mut phone, &mut team, &mut transport, &mut |_| None, &mut |_| {});
    assert!(refused.is_err_and(|e| e.to_string().contains("revoked")));
    app.click("main .row button").await?;

    // Installing a protocol from an XLSForm: a broken one is refused with its cell named and
    // nothing installed; a good one is then offered when a screening starts.
    let corpus = support::root().join("tests/xlsform/corpus");
    app.click("[data-action=settings]").await?;
    app.fill(
        "[data-field=install-path]",
        &corpus.join("refuse-unknown-reference.md").display().to_string(),
    )
    .await?;
    app.click("[data-section=install-protocol] button[type=submit]").await?;
    app.wait("[data-install-refused]").await?;
    let refusal = app.text("[data-install-refused]").await?;
    assert!(refusal.contains("survey!E2"), "{refusal}");
    app.shot("08g-install-refused").await?;
    app.fill(
        "[data-field=install-path]",
        &corpus.join("accept-yes-no-two-languages.md").display().to_string(),
    )
    .await?;
    app.click("[data-section=install-protocol] button[type=submit]").await?;
    app.wait("[data-installed=pay-check]").await?;
    app.shot("08h-installed").await?;
    app.click("main .row button").await?;
    app.click("[data-action=start]").await?;
    app.wait("input[name=protocol][value=pay-check]").await?;
    app.click("[data-action=cancel]").await?;

    // Quick exit: nothing of the case stays on screen and the vault is locked.
    app.click("button.exit").await?;
    app.wait("main.neutral").await?;
    let visible = app.text("body").await?;
    assert!(
        !visible.contains("MARKER-7731") && !visible.contains("Refer now"),
        "case content after quick exit"
    );
    app.shot("09-quick-exit").await?;
    app.click("main.neutral button").await?;
    app.wait("form input[type=password]").await?;
    assert_eq!(
        app.count("form input[type=password]").await?,
        1,
        "the vault must be locked again"
    );
    app.quit().await?;
    Ok(())
}

/// Case stories (tests/vignettes) through the real app: what the app shows is what the CLI
/// concluded for the same keyed answers, including the move to the child questions before
/// consent and an unfinished screening shown as no result.
#[tokio::test(flavor = "current_thread")]
async fn case_stories_reach_the_same_result_in_the_app() -> Res<()> {
    let _serial = support::one_at_a_time().await;
    let mut stories: Vec<String> = std::fs::read_dir(root().join("tests/vignettes"))?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.ends_with(".answers"))
        .collect();
    stories.sort();
    let display = Display::start()?;
    let vault = tempfile::tempdir()?;
    let driver = Driver::start(&display, vault.path())?;
    let app = driver.launch().await?;
    app.wait("form input[type=password]").await?;
    choose_passphrase(&app).await?;
    let mut run = 0;
    for name in &stories {
        let script = Script::read_in("tests/vignettes", name)?;
        let protocol = script
            .header("protocol")
            .ok_or("the story names no protocol")?
            .to_string();
        // An adult who refuses has no result: nothing is evaluated, so there is nothing to show.
        let Some(expected) = script.header("expect result").map(str::to_string) else {
            continue;
        };
        run += 1;
        app.click("[data-action=start]").await?;
        app.click(&format!("input[name=protocol][value={protocol}]")).await?;
        app.choose("[data-field=interviewer-lang]", "en").await?;
        app.choose("[data-field=respondent-lang]", "fr").await?;
        app.click("form button[type=submit]").await?;
        let (level, _) = interview(&app, &script, true).await?;
        let stem = name.trim_end_matches(".answers");
        app.shot(&format!("10-story-{stem}")).await?;
        assert_eq!(level, expected, "{name}: the app shows `{level}`");
        if expected == "incomplete" {
            // Neither a level nor a rule's conclusion: only what was seen, and the way on.
            let heading = app.text("[data-level]").await?;
            let shown = app.text("main").await?;
            assert!(
                heading.starts_with("Incomplete") && !shown.contains("assessment is needed"),
                "{name}: an unfinished screening must not read as a result: {shown}"
            );
        }
        app.click("[data-action=home]").await?;
        app.wait("[data-action=start]").await?;
    }
    assert!(run >= 40, "only {run} stories ran through the app");
    app.quit().await?;
    Ok(())
}

/// How long the screen and the vault take to close from `start`: the neutral page must show
/// and the app must report the vault locked.
async fn closed_within(app: &App, start: std::time::Instant) -> Res<std::time::Duration> {
    app.wait("main.neutral").await?;
    // The screen is hidden before the lock is asked for, and the lock may have to wait for the
    // running work to let go of the state: ask until it is done (the caller bounds the time).
    loop {
        let open = app.invoke("app_info", serde_json::json!({ "lang": "en" })).await?["unlocked"].clone();
        if open == Value::Bool(false) {
            return Ok(start.elapsed());
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "the vault is still open {:?} after the lock was asked for",
            start.elapsed()
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

/// Starts a sync that can never finish (the relay behind the gate takes the connection and
/// never answers) and gives it time to be waiting on the network, holding the vault.
async fn hanging_sync(app: &App) -> Res<()> {
    app.click("[data-action=sync-now]").await?;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    Ok(())
}

/// Quick exit and the automatic lock (the app going to the background) close the vault at once
/// even while a sync waits on a relay that never answers: the lock cancels the call.
#[tokio::test(flavor = "current_thread")]
async fn quick_exit_and_auto_lock_close_the_vault_during_a_hanging_sync() -> Res<()> {
    let _serial = support::one_at_a_time().await;
    let display = Display::start()?;
    let vault = tempfile::tempdir()?;
    let driver = Driver::start(&display, vault.path())?;
    let relay = Relay::start()?;
    let gate = Gate::start(&relay)?;
    let app = driver.launch().await?;
    app.wait("form input[type=password]").await?;
    choose_passphrase(&app).await?;
    app.click("[data-action=team]").await?;
    app.fill("[data-field=relay]", &gate.url).await?;
    app.fill("[data-field=team-name]", "Border post").await?;
    app.click("[data-action=create-team]").await?;
    app.wait("[data-team=id]").await?;
    app.click("main .row button").await?;
    gate.hang.store(true, std::sync::atomic::Ordering::SeqCst);

    hanging_sync(&app).await?;
    let start = std::time::Instant::now();
    app.click("button.exit").await?;
    let quick_exit = closed_within(&app, start).await?;
    eprintln!(
        "quick exit during a hanging sync: closed in {} ms",
        quick_exit.as_millis()
    );
    assert!(
        quick_exit < std::time::Duration::from_secs(3),
        "quick exit took {quick_exit:?}"
    );

    // Unlock again, hang another sync, and let the app go to the background.
    unlock_with(&app, PASSPHRASE).await?;
    app.wait("[data-action=sync-now]").await?;
    hanging_sync(&app).await?;
    let start = std::time::Instant::now();
    app.script(
        "Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
         document.dispatchEvent(new Event('visibilitychange'));",
        vec![],
    )
    .await?;
    let auto_lock = closed_within(&app, start).await?;
    eprintln!(
        "automatic lock during a hanging sync: closed in {} ms",
        auto_lock.as_millis()
    );
    assert!(
        auto_lock < std::time::Duration::from_secs(3),
        "the automatic lock took {auto_lock:?}"
    );

    // The idle timer (one minute, the shortest choice), with a sync hanging for its last ten
    // seconds: started from the page so that it does not count as use and reset the timer.
    unlock_with(&app, PASSPHRASE).await?;
    app.click("[data-action=settings]").await?;
    app.choose("main section.card label:nth-of-type(2) select", "1").await?;
    app.click("main .row button").await?;
    app.wait("[data-action=sync-now]").await?;
    let idle_from = std::time::Instant::now();
    tokio::time::sleep(std::time::Duration::from_secs(50)).await;
    app.script("document.querySelector('[data-action=sync-now]').click();", vec![])
        .await?;
    let idle = closed_within(&app, idle_from).await?;
    eprintln!(
        "idle lock during a hanging sync: closed {} ms after the last use",
        idle.as_millis()
    );
    assert!(
        idle >= std::time::Duration::from_secs(59) && idle < std::time::Duration::from_secs(63),
        "the idle lock came after {idle:?}, not one minute"
    );

    // A duress passphrase set in Settings opens the practice vault instead of the real one.
    unlock_with(&app, PASSPHRASE).await?;
    app.click("[data-action=settings]").await?;
    app.click("input[name=duress][value=decoy]").await?;
    app.fill("[data-field=duress]", DURESS).await?;
    app.fill("[data-field=duress-current]", PASSPHRASE).await?;
    app.click("form[data-section=duress] button[type=submit]").await?;
    app.wait("form[data-section=duress] [role=status]").await?;
    app.shot("10-duress-set").await?;
    app.click("button.exit").await?;
    app.wait("main.neutral").await?;
    unlock_with(&app, DURESS).await?;
    app.until(
        "the practice interviews",
        "return document.querySelectorAll('ul.cases li').length === 3;",
    )
    .await?;
    app.shot("11-practice-vault").await?;
    app.click("button.exit").await?;
    app.wait("main.neutral").await?;
    unlock_with(&app, PASSPHRASE).await?;
    app.until(
        "the real vault, without the practice interviews",
        "return document.querySelector('ul.cases') && document.querySelectorAll('ul.cases li').length === 0;",
    )
    .await?;
    app.quit().await?;
    Ok(())
}

const DURESS: &str = "a quiet road past the mill";

/// From the neutral page (or the unlock screen): the passphrase, and the home screen.
async fn unlock_with(app: &App, passphrase: &str) -> Res<()> {
    if app.count("main.neutral").await? > 0 {
        app.click("main.neutral button").await?;
    }
    app.fill("form input[type=password]", passphrase).await?;
    app.click("form button[type=submit]").await?;
    app.wait("[data-action=start]").await?;
    Ok(())
}

/// What a vault holds of its one case: every question's answer, the level, the case's audit.
type Stored = (Vec<Option<fieldscreen_protocol::Answer>>, Option<String>, Vec<String>);

/// Hand-over: the interviewer starts the rapid screen in English with an Arabic-speaking
/// respondent, asks the safety, age and consent steps, and hands the device over. The
/// respondent answers alone, hearing each question; their screen is Arabic only and shows no
/// earlier answer. Handing back refuses a wrong PIN. What is stored (answers, outcome, audit)
/// is what the CLI stores for the same answers.
#[tokio::test(flavor = "current_thread")]
async fn the_respondent_answers_the_rapid_screen_alone_in_arabic() -> Res<()> {
    let _serial = support::one_at_a_time().await;
    let display = Display::start()?;
    let vault = tempfile::tempdir()?;
    let driver = Driver::start(&display, vault.path())?;
    let script = Script::read("rapid-refer-now.answers")?;
    let expected = script
        .header("expect level")
        .ok_or("the script names no level")?
        .to_string();
    let english: Vec<String> = std::fs::read_to_string(root().join("screening_protocols/rapid-screen/locales/en.ftl"))?
        .lines()
        .filter(|l| l.starts_with("q-"))
        .filter_map(|l| l.split_once(" = ").map(|(_, t)| t.to_string()))
        .collect();

    let app = driver.launch().await?;
    app.wait("form input[type=password]").await?;
    choose_passphrase(&app).await?;
    app.click("[data-action=start]").await?;
    app.click("input[name=protocol][value=rapid-screen]").await?;
    app.choose("[data-field=interviewer-lang]", "en").await?;
    app.choose("[data-field=respondent-lang]", "ar").await?;
    app.click("form button[type=submit]").await?;
    // The interviewer's own steps, up to the first question the person may answer alone.
    let mut previous: Option<String> = None;
    loop {
        let (question, kind) = where_we_are(&app, previous.as_deref()).await?;
        if app.count("[data-section=hand-over]").await? > 0 {
            break;
        }
        let value = script
            .answer_for(&question)
            .ok_or(format!("no answer for `{question}`"))?;
        answer(&app, &kind, value).await?;
        previous = Some(question);
    }
    app.click("[data-section=hand-over] summary").await?;
    app.fill("[data-field=hand-over-pin]", "4826").await?;
    app.shot("20-hand-over").await?;
    app.click("[data-action=hand-over]").await?;
    app.wait("[data-screen=alone]").await?;

    let mut answered = 0;
    let mut previous = String::new();
    loop {
        let at = app
            .until(
                "the respondent's next question",
                &format!(
                    "const s = document.querySelector('[data-screen=alone] [data-question]');
                     if (s && s.dataset.question !== {previous:?}) return s.dataset.question;
                     if (document.querySelector('[data-section=give-back]')) return 'give-back';
                     return null;"
                ),
            )
            .await?;
        let question = at.as_str().unwrap_or_default().to_string();
        if question == "give-back" {
            break;
        }
        // Arabic only, right to left, nothing of the interviewer's language or of earlier answers.
        let page = app
            .script(
                "return [document.documentElement.lang, document.documentElement.dir, document.body.innerText, document.querySelectorAll('[aria-pressed=true], .transcript').length];",
                vec![],
            )
            .await?;
        assert_eq!(page[0], "ar", "{question}");
        assert_eq!(page[1], "rtl", "{question}");
        let shown = page[2].as_str().unwrap_or_default();
        for text in &english {
            assert!(
                !shown.contains(text.as_str()),
                "English on the respondent's screen at {question}: {text}"
            );
        }
        assert!(
            !shown.contains("Quick exit"),
            "the interviewer's controls at {question}"
        );
        assert_eq!(page[3], 0, "an earlier answer is shown at {question}");
        // The question's clip started.
        app.until(
            "the question's clip playing",
            &format!("return (window.__fsPlayed || []).includes({question:?}) || null;"),
        )
        .await?;
        if answered == 0 {
            // The rapid screen's pictogram for danger, as an image (nothing in it runs).
            let src = app
                .script(
                    "return document.querySelector('[data-screen=alone] img.picture')?.src ?? '';",
                    vec![],
                )
                .await?;
            assert!(
                src.as_str()
                    .is_some_and(|s| s.starts_with("data:image/svg+xml;base64,")),
                "{src}"
            );
            app.shot("21-alone-first-question-ar").await?;
        }
        let value = script
            .answer_for(&question)
            .ok_or(format!("no answer for `{question}`"))?;
        let n: usize = value.parse().map_err(|_| format!("`{value}` is no choice number"))?;
        app.click(&format!(
            "[data-screen=alone] .answers .choice-row:nth-child({n}) button.answer"
        ))
        .await?;
        answered += 1;
        previous = question;
    }
    assert_eq!(answered, 8, "the respondent answered the 8 rapid questions alone");
    app.shot("22-give-back").await?;
    // Handing back: a wrong PIN is refused and the respondent's screen stays.
    app.fill("[data-field=hand-back-pin]", "0000").await?;
    app.click("[data-section=give-back] button[type=submit]").await?;
    app.wait("[data-screen=alone] [role=alert]").await?;
    assert_eq!(app.count("[data-section=give-back]").await?, 1);
    assert_eq!(app.count("[data-level]").await?, 0, "the outcome before the PIN");
    app.fill("[data-field=hand-back-pin]", "4826").await?;
    app.click("[data-section=give-back] button[type=submit]").await?;
    let level = app
        .until(
            "the outcome",
            "return document.querySelector('[data-level]')?.dataset.level ?? null;",
        )
        .await?;
    assert_eq!(
        level.as_str(),
        Some(expected.as_str()),
        "the app's outcome after hand-back"
    );
    app.shot("23-handed-back-outcome").await?;
    app.quit().await?;

    // The CLI runs the same answers into its own vault; both vaults hold the same answers,
    // outcome and case audit (the app's with the hand-over marked).
    let cli_vault = tempfile::tempdir()?;
    let cli = support::app_binary()?
        .parent()
        .map(|d| d.join("fieldscreen"))
        .ok_or("no target directory")?;
    let out = std::process::Command::new(&cli)
        .env("FIELDSCREEN_VAULT", cli_vault.path())
        .env("FIELDSCREEN_PASSPHRASE", PASSPHRASE)
        .args(["vault", "init"])
        .output()?;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let script_path = root().join("tests/interviews/rapid-refer-now.answers");
    let out = std::process::Command::new(&cli)
        .env("FIELDSCREEN_VAULT", cli_vault.path())
        .env("FIELDSCREEN_PASSPHRASE", PASSPHRASE)
        .args([
            "interview",
            "--protocol",
            "rapid-screen",
            "--lang",
            "en",
            "--respondent-lang",
            "ar",
            "--answers",
        ])
        .arg(&script_path)
        .output()?;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let catalog = fieldscreen_catalog::Catalog::bundled();
    let protocol = catalog.protocol("rapid-screen", None).ok_or("rapid screen")?;
    let stored = |dir: &std::path::Path| -> Res<Stored> {
        let v = fieldscreen_vault::Vault::open(dir, PASSPHRASE)?;
        let cases = v.list_cases(&fieldscreen_vault::CaseFilter::default())?;
        let [case] = cases.as_slice() else {
            return Err(format!("{} cases", cases.len()).into());
        };
        let (session, _) = fieldscreen_vault::resume_session(&v, &case.id, protocol.clone())?;
        let answers = (0..protocol.questions.len())
            .map(|i| session.answer_of(i).cloned())
            .collect();
        let audit = v
            .audit_log(100)?
            .into_iter()
            .filter(|e| e.case_id.as_deref() == Some(case.id.as_str()))
            .map(|e| e.action)
            .collect();
        Ok((answers, case.level.clone(), audit))
    };
    let (app_answers, app_level, app_audit) = stored(vault.path())?;
    let (cli_answers, cli_level, cli_audit) = stored(cli_vault.path())?;
    assert_eq!(app_answers, cli_answers, "the stored answers differ from the CLI's");
    assert_eq!(app_level, cli_level);
    assert_eq!(app_level.as_deref(), Some(expected.as_str()));
    let without_hand_over: Vec<&String> = app_audit.iter().filter(|a| !a.starts_with("handed-")).collect();
    assert_eq!(
        without_hand_over,
        cli_audit.iter().collect::<Vec<_>>(),
        "audit: {app_audit:?}"
    );
    assert!(
        app_audit.contains(&"handed-over".to_string()) && app_audit.contains(&"handed-back".to_string()),
        "{app_audit:?}"
    );
    Ok(())
}
