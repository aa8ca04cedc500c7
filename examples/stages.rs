use std::time::Instant;
use vnfacts::recognize::*;
fn main() {
    let mut text = String::new();
    for e in std::fs::read_dir("corpus").unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|e| e == "txt") {
            text.push_str(&std::fs::read_to_string(p).unwrap());
        }
    }
    let text = text.repeat(20);
    let t = Instant::now();
    let norm = vnfacts::normalize::Normalized::new(&text);
    println!("normalize {:?}", t.elapsed());
    let t = Instant::now();
    let ctx = Ctx::new(norm.text());
    println!("ctx (scan+block) {:?} figs={}", t.elapsed(), ctx.figs.len());
    macro_rules! stage {
        ($m:ident) => {{
            let t = Instant::now();
            let mut out = Vec::new();
            $m::recognize(&ctx, &mut out);
            println!("{} {:?} {}", stringify!($m), t.elapsed(), out.len());
        }};
    }
    stage!(nonfacts);
    stage!(date);
    stage!(money);
    stage!(percent);
    stage!(ratio);
    stage!(measure);
    stage!(count);
    stage!(duration);
    println!("bytes {}", text.len());
}
