//! The lunar calendar against every month start of 1980–2050 computed from true new moons and
//! solar terms (`tests/data/lunar_months.tsv`, made by `tests/data/lunar_ref.py` with PyEphem),
//! which holds every Tết of those years, and the known years where Vietnam's calendar parts
//! from China's (1985, 2007, 2030).

use vnfacts::time::Date;
use vnfacts::time::{lunar_to_solar, solar_to_lunar};

fn table() -> Vec<(i32, u32, bool, Date)> {
    include_str!("data/lunar_months.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (
                f[0].parse().unwrap(),
                f[1].parse().unwrap(),
                f[2] == "1",
                f[3].parse().unwrap(),
            )
        })
        .collect()
}

#[test]
fn every_month_start_1980_2050() {
    let rows = table();
    assert!(rows.len() > 870);
    let mut wrong = Vec::new();
    for &(y, m, leap, start) in &rows {
        let got = lunar_to_solar(y, m, 1, leap);
        if got != Some(start) {
            wrong.push(format!(
                "{y}/{m}{} → {got:?}, want {start}",
                if leap { " nhuận" } else { "" }
            ));
        }
        if solar_to_lunar(start) != (y, m, 1, leap) {
            wrong.push(format!(
                "{start} → {:?}, want {y}/{m}/1 {leap}",
                solar_to_lunar(start)
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} months differ:\n{}",
        wrong.len(),
        rows.len(),
        wrong.join("\n")
    );
}

#[test]
fn tet_1980_2050() {
    let tets: Vec<_> = table().into_iter().filter(|r| r.1 == 1 && !r.2).collect();
    assert_eq!(tets.len(), 71);
    for (y, _, _, start) in tets {
        assert_eq!(lunar_to_solar(y, 1, 1, false), Some(start), "Tết {y}");
    }
    // Where Vietnam and China part.
    assert_eq!(
        lunar_to_solar(1985, 1, 1, false).unwrap().iso(),
        "1985-01-21"
    );
    assert_eq!(
        lunar_to_solar(2007, 1, 1, false).unwrap().iso(),
        "2007-02-17"
    );
    assert_eq!(
        lunar_to_solar(2030, 1, 1, false).unwrap().iso(),
        "2030-02-02"
    );
}

#[test]
fn known_days() {
    // (lunar y, m, d, leap, solar)
    for (y, m, d, leap, want) in [
        (2024, 1, 15, false, "2024-02-24"), // Rằm tháng Giêng Giáp Thìn
        (2023, 7, 15, false, "2023-08-30"), // Vu Lan 2023
        (2023, 8, 15, false, "2023-09-29"), // Trung thu 2023
        (2024, 3, 10, false, "2024-04-18"), // Giỗ Tổ Hùng Vương 2024
        (2023, 2, 1, true, "2023-03-22"),   // tháng 2 nhuận Quý Mão
        (2033, 11, 1, true, "2033-12-22"),  // tháng 11 nhuận 2033
    ] {
        assert_eq!(
            lunar_to_solar(y, m, d, leap).map(|d| d.iso()).as_deref(),
            Some(want),
            "{y}/{m}/{d}"
        );
    }
    assert_eq!(
        lunar_to_solar(2024, 2, 1, true),
        None,
        "2024 has no leap second month"
    );
    assert_eq!(
        lunar_to_solar(2024, 1, 30, false),
        None,
        "tháng Giêng 2024 has 29 days"
    );
}
