#!/usr/bin/env python3
"""Writes data/admin_units.txt and data/admin_communes.txt, the gazetteer of Vietnam's administrative units, from the
MIT-licensed PyPI package `vietnamadminunits` (its SQLite table and its 2025 converter).

    python3 scripts/make_gazetteer.py [PATH-TO-WHEEL-OR-DIRECTORY]

Without a path it downloads the pinned version with pip into a temporary directory. The output
is deterministic: the same package version gives the same file, byte for byte.

Provinces and districts go to admin_units.txt (read on a run's first name), communes to
admin_communes.txt (read only when a commune must be looked up). One unit a line,
tab-separated (each file's header says the same):
    ERA  LEVEL  CODE  TYPE  NAME  PARENT  CURRENT  NOW
ERA 2024 is the map before the 2025 reorganisation (63 provinces, districts, communes), 2025
the map after it (34 provinces, communes, no districts). LEVEL is province, district or commune;
CODE the official code (GSO); TYPE the unit's own word ("Tỉnh", "Thành phố", "Huyện", "Quận",
"Thị xã", "Xã", "Phường", "Thị trấn", "Đặc khu"); PARENT the code of the unit above (empty for
a province); CURRENT, on a 2024 province or commune, the code of the 2025 unit it became part of
(a commune split in 2025 names the part the package marks as its default); NOW that unit's
word and name ("phường Hồng Hà"). "-" stands for none. The communes are sorted by their name
in lower case (the file is searched, not indexed).
"""
import json
import pathlib
import sqlite3
import subprocess
import sys
import tempfile
import zipfile

PACKAGE, VERSION = "vietnamadminunits", "1.0.4"
root = pathlib.Path(__file__).resolve().parent.parent
out_upper = root / "data" / "admin_units.txt"
out_communes = root / "data" / "admin_communes.txt"


def package_dir(arg, tmp):
    """The unpacked package: a directory given, a wheel given, or the pinned wheel from PyPI."""
    if arg and pathlib.Path(arg).is_dir():
        return pathlib.Path(arg)
    wheel = pathlib.Path(arg) if arg else None
    if wheel is None:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp,
             f"{PACKAGE}=={VERSION}"],
            check=True,
        )
        wheel = next(pathlib.Path(tmp).glob("*.whl"))
    with zipfile.ZipFile(wheel) as z:
        z.extractall(tmp)
    return pathlib.Path(tmp)


def clean(s):
    return " ".join((s or "").split())


def main():
    with tempfile.TemporaryDirectory() as tmp:
        base = package_dir(sys.argv[1] if len(sys.argv) > 1 else None, tmp)
        data = base / PACKAGE / "data"
        db = sqlite3.connect(data / "dataset.db")
        conv = json.loads((data / "converter_2025.json").read_text(encoding="utf-8"))
        rows = []
        # After 2025: provinces and communes, with their keys (to map the old units onto them).
        new_province = {}
        new_ward = {}
        for (province, ptype, pcode, pkey, ward, wtype, wcode, wkey) in db.execute(
            "select provinceShort, province, provinceCode, provinceKey, wardShort, wardType,"
            " wardCode, wardKey from admin_units order by provinceCode, wardCode"
        ):
            ptype = ptype[: -len(province)].strip() if ptype.endswith(province) else ""
            if pkey not in new_province:
                new_province[pkey] = pcode
                rows.append(("2025", "province", pcode, ptype, clean(province), "-", "-"))
            new_ward[(pkey, wkey)] = wcode
            rows.append(("2025", "commune", wcode, clean(wtype), clean(ward), pcode, "-"))
        # The 2025 unit of each old province and of each old commune.
        old_province_now = {}
        for new_key, olds in conv["DICT_PROVINCE"].items():
            for old in olds:
                old_province_now[old] = new_province[new_key]
        old_ward_now = {}
        for new_pkey, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
            for new_wkey, olds in wards.items():
                for old in olds:
                    old_ward_now[old] = new_ward[(new_pkey, new_wkey)]
        for new_pkey, olds in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
            for old, parts in olds.items():
                for p in parts:
                    if p.get("isDefaultNewWard"):
                        old_ward_now[old] = new_ward[(new_pkey, p["newWardKey"])]
        seen = set()
        for r in db.execute(
            "select provinceShort, province, provinceCode, provinceKey, districtShort,"
            " districtType, districtCode, districtKey, wardShort, wardType, wardCode, wardKey"
            " from admin_units_legacy order by provinceCode, districtCode, wardCode"
        ):
            (province, ptype, pcode, pkey, district, dtype, dcode, dkey, ward, wtype, wcode,
             wkey) = r
            ptype = ptype[: -len(province)].strip() if ptype.endswith(province) else ""
            if ("p", pcode) not in seen:
                seen.add(("p", pcode))
                rows.append(("2024", "province", pcode, ptype, clean(province), "-",
                             old_province_now.get(pkey, "-")))
            if dcode and ("d", dcode) not in seen:
                seen.add(("d", dcode))
                rows.append(("2024", "district", dcode, clean(dtype), clean(district), pcode, "-"))
            if wcode and ward:
                rows.append(("2024", "commune", wcode, clean(wtype), clean(ward), dcode,
                             old_ward_now.get(f"{pkey}_{dkey}_{wkey}", "-")))
    order = {"2024": 0, "2025": 1, "province": 0, "district": 1, "commune": 2}
    rows.sort(key=lambda r: (order[r[0]], order[r[1]], r[2]))
    # NOW: the 2025 unit a 2024 province or commune became part of, as "kind name".
    now = {(r[1], r[2]): f"{r[3].lower()} {r[4]}" for r in rows if r[0] == "2025"}
    rows = [r + ((now.get((r[1], r[6]), "-") if r[0] == "2024" and r[6] != "-" else "-"),)
            for r in rows]
    counts = {}
    for r in rows:
        counts[(r[0], r[1])] = counts.get((r[0], r[1]), 0) + 1
    for path, levels in ((out_upper, ("province", "district")), (out_communes, ("commune",))):
        mine = [r for r in rows if r[1] in levels]
        if levels == ("commune",):
            # Sorted by name in lower case (the lookup key), so that a name is found by a
            # binary search over the lines, with no index to build.
            mine.sort(key=lambda r: (r[4].lower(), order[r[0]], r[2]))
        header = [
            "# Vietnam's administrative units before and after the 2025 reorganisation: "
            + " and ".join(f"{l}s" for l in levels) + ".",
            f"# Source: the PyPI package {PACKAGE} {VERSION} (MIT licence, (c) 2025 Tran Ngoc Minh"
            " Hieu),",
            "# its SQLite tables admin_units_legacy and admin_units and its file"
            " converter_2025.json.",
            "# Written by scripts/make_gazetteer.py: edit that script, not this file.",
            "# Counts: " + ", ".join(
                f"{n} {lvl}s in {era}" for (era, lvl), n in sorted(counts.items()) if lvl in levels
            ),
            "# ERA\tLEVEL\tCODE\tTYPE\tNAME\tPARENT\tCURRENT\tNOW (see the script's docstring; - is"
            " none)",
        ]
        text = "\n".join(header + ["\t".join(r) for r in mine]) + "\n"
        path.write_text(text, encoding="utf-8")
        print(f"{path}: {len(mine)} units", file=sys.stderr)


if __name__ == "__main__":
    main()
