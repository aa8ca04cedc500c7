//! The batch reader, from fuzzer bytes: the bytes as a JSON Lines stream of records, and as a
//! folder of files (names, nesting and contents cut from the bytes). No panic; one record for
//! every record line and for every file; every fact's span true in its text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use vnfacts::input::batch::{file_jobs, jsonl_jobs, read_job, Done, How, Selector, What};
use vnfacts::output::Record;
use vnfacts::{extract_each, Options, Piece};

/// Reads a job as the command line does (a long text window by window), checking its facts.
fn check(job: vnfacts::input::batch::Job, options: &Options) {
    let text = match &job.what {
        // A record's text is decoded too (it may hold mojibake).
        What::Text(t) => vnfacts::decode(t.as_bytes()).ok(),
        // A file is read as its bytes say: text, or a document (an HTML page, an RTF file).
        What::File(p) => std::fs::read(p).ok().and_then(|b| {
            let name = p.file_name().and_then(|n| n.to_str());
            vnfacts::input::read_document(b, name, None, &Default::default())
                .ok()
                .map(|d| d.text)
        }),
        _ => None,
    };
    let facts = match read_job(job, options, &How::default(), true) {
        Done::Record(Record::Document(d)) => d.facts,
        Done::Record(_) => return,
        Done::Long { doc, .. } => {
            let mut facts = Vec::new();
            extract_each(&doc.text, options, |p| {
                if let Piece::Fact(f) = p {
                    facts.push(f);
                }
                Ok::<(), ()>(())
            })
            .unwrap();
            facts
        }
        _ => return,
    };
    if let Some(text) = text {
        let chars: Vec<char> = text.chars().collect();
        for f in &facts {
            assert!(f.start < f.end && f.end <= chars.len());
            assert_eq!(chars[f.start..f.end].iter().collect::<String>(), f.text);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let options = Options::default();
    // The bytes as JSON Lines records: one job a line.
    let lines = data.split(|&b| b == b'\n').count();
    let jobs: Vec<_> = jsonl_jobs(std::io::Cursor::new(data), "-").collect();
    assert!(jobs.len() <= lines);
    for j in jobs {
        check(j, &options);
    }
    // The bytes as a folder: parts between 0xFF bytes are files, a part's first byte its name
    // and (when odd) a subfolder.
    let dir = tempfile::tempdir().unwrap();
    let mut made = 0;
    for (i, part) in data.split(|&b| b == 0xff).take(16).enumerate() {
        let (&first, body) = match part.split_first() {
            Some(x) => x,
            None => continue,
        };
        let sub = if first % 2 == 1 { "sub" } else { "" };
        let folder = dir.path().join(sub);
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join(format!("{i}-{first}.txt")), body).unwrap();
        made += 1;
    }
    let select = Selector::new("*.txt").unwrap();
    let paths = vec![dir.path().to_path_buf()];
    let jobs: Vec<_> = file_jobs(&paths, &select, &[]).collect();
    assert_eq!(jobs.len(), made, "one record a file");
    for j in jobs {
        check(j, &options);
    }
});
