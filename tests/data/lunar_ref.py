"""Reference table of Vietnamese lunar month starts, 1980-2050, from true new moons and solar
terms computed by PyEphem (VSOP87 / ELP), at UTC+7. Used only to make tests/data/lunar_months.tsv;
vnfacts itself computes the calendar with its own formulas (src/lunar.rs).

A lunar month starts on the day (UTC+7) of a new moon. Month 11 is the month that contains the
winter solstice. When 13 months lie between two month-11 starts, the first of them that contains
no major solar term (sun longitude a multiple of 30 degrees) is the leap month and repeats the
number of the month before it."""
import ephem, math, datetime
TZ = 7 / 24.0

def local_day(t):
    return ephem.Date(t + TZ).datetime().date()

def midnight_utc(day):
    return ephem.Date(datetime.datetime(day.year, day.month, day.day)) - TZ

def sun_lon(t):
    s = ephem.Sun()
    s.compute(t, epoch=t)
    return math.degrees(ephem.Ecliptic(s, epoch=t).lon) % 360

def sector(day):
    return int(sun_lon(midnight_utc(day)) // 30)

def month_starts_from(t, n):
    out = []
    nm = ephem.previous_new_moon(t)
    for _ in range(n):
        out.append(local_day(nm))
        nm = ephem.next_new_moon(ephem.Date(nm + 1))
    return out

def month11(y):
    sol = local_day(ephem.next_winter_solstice(ephem.Date(f"{y}/12/1")))
    starts = month_starts_from(midnight_utc(sol) + 1, 1)
    return starts[0]

print("# lunar_year\tmonth\tleap\tsolar_start (UTC+7); made by tests/data/lunar_ref.py")
for y in range(1979, 2051):
    a = month11(y - 1)
    b = month11(y)
    starts = month_starts_from(midnight_utc(a) + 1, 15)
    starts = [d for d in starts if d <= b]
    n = len(starts) - 1  # months from a (month 11 of y-1) to b (month 11 of y)
    leap_at = None
    if n == 13:
        for i in range(1, 13):
            if sector(starts[i]) == sector(starts[i + 1]):
                leap_at = i
                break
    num = 11
    year = y - 1
    for i in range(n):
        leap = 1 if i == leap_at else 0
        if i > 0 and not leap:
            num += 1
            if num == 13:
                num = 1
                year = y
        if y >= 1980 or num >= 11:
            if year >= 1980:
                print(f"{year}\t{num}\t{leap}\t{starts[i]}")
