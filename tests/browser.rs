//! The review page in a real browser: headless Chromium loads the page with a probe script
//! added after the page's own, which reads the live DOM (what is highlighted, with which
//! colour and line), clicks as a user would (a table row, a column header, a filter, the
//! document list) and writes what it saw into the page; `--dump-dom` hands that back.
//!
//! The tests need Chromium: `build.rs` sets `cfg(browser)` when it finds one (`.ci/run`
//! installs Debian's `chromium`), and they are marked ignored without it. The screenshot in
//! the README is made by `screenshot_of_a_corpus_report`: run it with
//! `VNFACTS_UPDATE_SCREENSHOT=1` to write `docs/review.png`.
mod common;
use common::{json_lines, root, temp, vnfacts};

use serde_json::Value as Json;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const REPORT: &str = "corpus/hoi-nong-dan-so-ket-6-thang.txt";
/// The Chromium build.rs found.
#[cfg(browser)]
const CHROMIUM: &str = env!("VNFACTS_CHROMIUM");
#[cfg(not(browser))]
const CHROMIUM: &str = "";

/// Runs headless Chromium on `page` with `args` (`--dump-dom`, `--screenshot=…`), a fresh
/// profile, no network use of its own; gives its standard output. Fails after two minutes.
fn chromium(page: &Path, args: &[String]) -> String {
    assert!(
        !CHROMIUM.is_empty(),
        "needs Chromium (build.rs looks for chromium on the PATH or $CHROMIUM)"
    );
    let profile = temp();
    let mut child = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-extensions",
            "--no-first-run",
            "--hide-scrollbars",
            "--window-size=1400,900",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cannot start Chromium");
    let started = Instant::now();
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).unwrap();
        s
    });
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let out = reader.join().unwrap();
            assert!(status.success(), "Chromium failed: {status}");
            return out;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("Chromium did not finish in two minutes");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Loads `page` with `probe` (JavaScript that ends by setting `window.probe`) run after the
/// page's script, and gives what the probe found.
fn probe(page: &Path, probe: &str) -> Json {
    let html = std::fs::read_to_string(page).unwrap();
    let with = page.with_extension("probe.html");
    // The probe writes its finding as the text of an element the dump carries back.
    let script = format!(
        "<script>{probe}\n;(function(){{var p=document.createElement('pre');p.id='probe';\
         p.textContent=JSON.stringify(window.probe);document.body.appendChild(p);}})();</script>"
    );
    std::fs::write(&with, html + &script).unwrap();
    let dom = chromium(&with, &["--dump-dom".to_owned()]);
    let doc = scraper::Html::parse_document(&dom);
    let pre = doc
        .select(&scraper::Selector::parse("pre#probe").unwrap())
        .next()
        .unwrap_or_else(|| panic!("the probe did not run: {}", &dom[..dom.len().min(500)]));
    serde_json::from_str(&pre.text().collect::<String>()).unwrap()
}

/// What the probe reads of every fact shown: its kind, whole text (all its pieces), status,
/// and how its first piece is drawn.
const READ_MARKS: &str = r#"
function readMarks() {
  var marks = {};
  document.querySelectorAll('#view mark[data-f]').forEach(function (m) {
    var id = m.dataset.f;
    var e = marks[id] || (marks[id] = {kind: m.dataset.kind, text: '', st: m.dataset.st || null});
    e.text += m.textContent;
    if (m.id === id) {
      var cs = getComputedStyle(m);
      e.background = cs.backgroundColor;
      e.line = cs.borderBottomStyle !== 'none' ? cs.borderBottomStyle : cs.borderTopStyle;
      e.lineColor = cs.borderBottomStyle !== 'none' ? cs.borderBottomColor : cs.borderTopColor;
      e.focusable = m.tabIndex === 0;
    }
  });
  return marks;
}
function visible(el, box) {
  var r = el.getBoundingClientRect(), b = box.getBoundingClientRect();
  return r.top >= b.top && r.bottom <= b.bottom && r.height > 0;
}
"#;

fn review(inputs: &[&Path], out: &Path) {
    vnfacts()
        .arg("review")
        .args(inputs)
        .args(["-q", "-o"])
        .arg(out)
        .assert()
        .success();
}

fn facts_of(path: &str) -> Vec<Json> {
    json_lines(&vnfacts().args(["extract", path]).output().unwrap().stdout)[0]["facts"]
        .as_array()
        .unwrap()
        .clone()
}

#[test]
#[cfg_attr(not(browser), ignore = "needs Chromium")]
fn every_fact_is_highlighted_with_its_kind_and_a_row_scrolls_to_it() {
    let dir = temp();
    let page = dir.path().join("review.html");
    review(&[Path::new(REPORT)], &page);
    let facts = facts_of(REPORT);
    let found = probe(
        &page,
        &format!(
            "{READ_MARKS}
var view = document.getElementById('view');
var out = {{marks: readMarks()}};
var rows = document.querySelectorAll('#table-slot tbody tr');
var last = rows[rows.length - 1];
var target = document.getElementById(last.dataset.target);
out.before = {{scrollTop: view.scrollTop, visible: visible(target, view)}};
last.click();
out.after = {{scrollTop: view.scrollTop, visible: visible(target, view),
  focused: document.activeElement === target, current: last.classList.contains('current'),
  tip: document.getElementById('tip').hidden ? null : document.getElementById('tip').textContent}};
var lineHeader = document.querySelectorAll('#table-slot th')[4];
lineHeader.click(); lineHeader.click();
out.firstLineDescending = +document.querySelector('#table-slot tbody tr').cells[4].dataset.v;
var kf = document.getElementById('kind-filter');
kf.value = 'money'; kf.dispatchEvent(new Event('change'));
out.moneyRows = Array.prototype.map.call(document.querySelectorAll('#table-slot tbody tr'),
  function (r) {{ return r.dataset.kind; }});
var box = document.querySelector('#legend input[data-kind=count]');
box.click();
var count = document.querySelector('#view mark.k-count[id]');
out.countHidden = getComputedStyle(count).borderBottomStyle === 'none' || getComputedStyle(count).borderBottomColor === 'rgba(0, 0, 0, 0)';
window.probe = out;"
        ),
    );
    let marks = found["marks"].as_object().unwrap();
    assert_eq!(marks.len(), facts.len());
    // The look of each kind: one background and one line per kind, no two kinds alike.
    let mut looks: std::collections::BTreeMap<String, (String, String, String)> =
        Default::default();
    for (i, f) in facts.iter().enumerate() {
        let m = &marks[&format!("d0f{i}")];
        assert_eq!(m["kind"], f["kind"], "fact {i}");
        assert_eq!(m["text"], f["text"], "fact {i}");
        assert_eq!(m["focusable"], true);
        let bg = m["background"].as_str().unwrap().to_owned();
        assert_ne!(bg, "rgba(0, 0, 0, 0)", "fact {i} is not highlighted");
        let look = (
            bg,
            m["line"].as_str().unwrap().to_owned(),
            m["lineColor"].as_str().unwrap().to_owned(),
        );
        assert_ne!(look.1, "none", "fact {i} has no line");
        let kind = f["kind"].as_str().unwrap().to_owned();
        // Nested marks draw their line above: compare the first of each kind.
        looks.entry(kind).or_insert(look);
    }
    let distinct: std::collections::BTreeSet<(String, String)> = looks
        .values()
        .map(|(_, line, colour)| (line.clone(), colour.clone()))
        .collect();
    assert_eq!(
        distinct.len(),
        looks.len(),
        "two kinds look alike: {looks:?}"
    );
    // The last row was off screen; its click brought the fact into view and focused it.
    assert_eq!(found["before"]["visible"], false);
    assert_eq!(found["after"]["visible"], true);
    assert!(found["after"]["scrollTop"].as_f64().unwrap() > 0.0);
    assert_eq!(found["after"]["focused"], true);
    assert_eq!(found["after"]["current"], true);
    let last = facts.last().unwrap();
    let tip = found["after"]["tip"].as_str().expect("no tooltip on focus");
    assert!(tip.starts_with(&format!(
        "{} · {}",
        last["kind"].as_str().unwrap(),
        last["text"].as_str().unwrap()
    )));
    let max_line = facts.iter().map(|f| f["line"].as_u64().unwrap()).max();
    assert_eq!(found["firstLineDescending"].as_u64(), max_line);
    let money = facts.iter().filter(|f| f["kind"] == "money").count();
    assert_eq!(found["moneyRows"].as_array().unwrap().len(), money);
    assert!(found["moneyRows"]
        .as_array()
        .unwrap()
        .iter()
        .all(|k| k == "money"));
    assert_eq!(found["countHidden"], true);
}

#[test]
#[cfg_attr(not(browser), ignore = "needs Chromium")]
fn the_check_page_marks_a_changed_value() {
    let dir = temp();
    let name = Path::new(REPORT).file_name().unwrap();
    std::fs::copy(REPORT, dir.path().join(name)).unwrap();
    let facts = facts_of(REPORT);
    let mut expected = serde_json::json!({"facts": facts});
    let i = facts.iter().position(|f| f["kind"] == "money").unwrap();
    let now = facts[i]["value"].as_i64().unwrap();
    expected["facts"][i]["value"] = Json::from(now * 2);
    std::fs::write(
        dir.path().join(name).with_extension("facts.json"),
        expected.to_string(),
    )
    .unwrap();
    let page = dir.path().join("check.html");
    vnfacts()
        .args(["check", "--format", "html", "-o"])
        .arg(&page)
        .arg(dir.path().join(name))
        .assert()
        .code(1);
    let found = probe(
        &page,
        &format!(
            "{READ_MARKS}
var out = {{marks: readMarks()}};
out.allRows = document.querySelectorAll('#table-slot tbody tr').length;
document.getElementById('diff-only').click();
out.shownRows = Array.prototype.map.call(document.querySelectorAll('#table-slot tbody tr'),
  function (r) {{ return [r.dataset.target, r.dataset.st, r.querySelector('td.st').textContent]; }});
out.unchangedDimmed = getComputedStyle(document.querySelector('#view mark.f[id]:not([data-st])')).backgroundColor;
var changed = document.querySelector('#view mark.st-changed[id]');
out.changedOutline = getComputedStyle(changed).outlineStyle;
out.badge = getComputedStyle(changed, '::after').content;
window.probe = out;"
        ),
    );
    let id = format!("d0f{i}");
    let m = &found["marks"][&id];
    assert_eq!(m["st"], "changed");
    assert_eq!(m["kind"], "money");
    assert_eq!(m["text"], facts[i]["text"]);
    // Only the difference is left in the table, old → new.
    assert_eq!(
        found["shownRows"],
        serde_json::json!([[id, "changed", format!("value: {} → {now}", now * 2)]])
    );
    assert_eq!(found["allRows"].as_u64(), Some(facts.len() as u64));
    assert_eq!(found["unchangedDimmed"], "rgba(0, 0, 0, 0)");
    assert_eq!(found["changedOutline"], "solid");
    assert_eq!(found["badge"], "\"Δ\"");
}

#[test]
#[cfg_attr(not(browser), ignore = "needs Chromium")]
fn a_batch_of_a_thousand_documents_is_one_page_with_a_list_and_search() {
    let dir = temp();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    for i in 0..1000 {
        std::fs::write(
            docs.join(format!("bc-{i:04}.txt")),
            format!(
                "Chi hội số {i} có {} hội viên, quỹ {}.000.000 đồng, đạt {}%.\n",
                20 + i % 50,
                3 + i % 7,
                50 + i % 50
            ),
        )
        .unwrap();
    }
    let page = dir.path().join("batch.html");
    review(&[&docs], &page);
    let found = probe(
        &page,
        &format!(
            "{READ_MARKS}
var out = {{}};
var buttons = document.querySelectorAll('#doc-list button');
out.listed = buttons.length;
out.first = Object.keys(readMarks()).length;
buttons[999].click();
out.shown = document.querySelector('#view h2').textContent;
out.lastMarks = readMarks();
var s = document.getElementById('doc-search');
s.value = 'bc-0042'; s.dispatchEvent(new Event('input'));
out.searchName = Array.prototype.filter.call(document.querySelectorAll('#doc-list li'),
  function (li) {{ return !li.hidden; }}).length;
s.value = 'có 33 hội viên'; s.dispatchEvent(new Event('input'));
out.searchText = Array.prototype.filter.call(document.querySelectorAll('#doc-list li'),
  function (li) {{ return !li.hidden; }}).map(function (li) {{ return li.textContent; }});
window.probe = out;"
        ),
    );
    assert_eq!(found["listed"], 1000);
    assert_eq!(found["first"], 3);
    assert!(found["shown"].as_str().unwrap().ends_with("bc-0999.txt"));
    let kinds: Vec<&str> = found["lastMarks"]
        .as_object()
        .unwrap()
        .values()
        .map(|m| m["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["count", "money", "percent"]);
    assert_eq!(found["searchName"], 1);
    // "có 33 hội viên": documents 13, 63, 113, … (20 + i % 50 = 33): 20 of them.
    assert_eq!(found["searchText"].as_array().unwrap().len(), 20);
}

#[test]
#[cfg_attr(not(browser), ignore = "needs Chromium")]
fn a_one_megabyte_report_renders_every_fact() {
    let dir = temp();
    let big = dir.path().join("big.txt");
    let mut text = String::new();
    let corpus = common::corpus_texts();
    while text.len() < 1 << 20 {
        for t in &corpus {
            text.push_str(t);
            text.push('\n');
        }
    }
    std::fs::write(&big, &text).unwrap();
    let facts = facts_of(big.to_str().unwrap());
    assert!(facts.len() > 400);
    let page = dir.path().join("big.html");
    review(&[&big], &page);
    let found = probe(
        &page,
        "var out = {};
out.loaded = performance.now();
out.marks = document.querySelectorAll('#view mark[id]').length;
out.chunks = document.querySelectorAll('#view .chunk').length;
var slot = document.getElementById('table-slot');
out.rows = slot.querySelectorAll('tbody tr').length;
out.count = document.getElementById('fact-count').textContent;
slot.scrollTop = slot.scrollHeight; slot.dispatchEvent(new Event('scroll'));
out.rowsAfterScroll = slot.querySelectorAll('tbody tr').length;
var n = slot.querySelector('th'); n.click(); n.click();
var t0 = performance.now();
var first = slot.querySelector('tbody tr');
out.lastTarget = first.dataset.target;
first.click();
out.scrollMs = performance.now() - t0;
var view = document.getElementById('view');
var m = document.getElementById(first.dataset.target);
var r = m.getBoundingClientRect(), b = view.getBoundingClientRect();
out.inView = r.top >= b.top && r.bottom <= b.bottom;
out.at = view.scrollTop;
window.probe = out;",
    );
    let n = facts.len();
    assert_eq!(found["marks"].as_u64(), Some(n as u64));
    assert!(found["chunks"].as_u64().unwrap() > 100);
    // The table holds its first rows, and more as it is scrolled.
    assert_eq!(found["rows"], 200);
    assert_eq!(found["count"], format!("{n} facts"));
    assert_eq!(found["rowsAfterScroll"], 400);
    // Sorted by number, descending: the first row is the last fact, far down the text.
    assert_eq!(found["lastTarget"], format!("d0f{}", n - 1));
    assert_eq!(found["inView"], true);
    assert!(found["at"].as_f64().unwrap() > 10_000.0);
    // Reported, not asserted: speed is measured, not tested.
    eprintln!(
        "1 MB report ({} facts): page loaded at {:.0} ms, a row's scroll took {:.0} ms",
        n,
        found["loaded"].as_f64().unwrap(),
        found["scrollMs"].as_f64().unwrap()
    );
}

#[test]
#[cfg_attr(not(browser), ignore = "needs Chromium")]
fn screenshot_of_a_corpus_report() {
    let dir = temp();
    let page = dir.path().join("review.html");
    review(&[Path::new(REPORT)], &page);
    // Show a tooltip: focus the first money figure with an organisation, as a click on its row.
    let html = std::fs::read_to_string(&page).unwrap()
        + "<script>var r = Array.prototype.find.call(document.querySelectorAll('#table-slot tr'), \
           function (r) { return r.dataset.kind === 'money' && r.cells[5].textContent; }); \
           if (r) r.click();</script>";
    let shown = dir.path().join("shown.html");
    std::fs::write(&shown, html).unwrap();
    let png = dir.path().join("review.png");
    chromium(&shown, &[format!("--screenshot={}", png.display())]);
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    assert_eq!((width, height), (1400, 900));
    if std::env::var_os("VNFACTS_UPDATE_SCREENSHOT").is_some() {
        std::fs::create_dir_all(root().join("docs")).unwrap();
        std::fs::copy(&png, root().join("docs/review.png")).unwrap();
    }
}
