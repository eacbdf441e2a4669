# Adds a 2 kW heater, 03:00-05:00, every 7th night of 2009 to the UCI history (reproducible).
import csv, datetime, sys
src, dst = sys.argv[1], sys.argv[2]
nights = set()
with open(src) as f, open(dst, "w", newline="") as g:
    r, w = csv.reader(f), csv.writer(g)
    w.writerow(next(r))
    for ts, wh in r:
        t = datetime.datetime.fromisoformat(ts)
        if t.year == 2009 and t.timetuple().tm_yday % 7 == 0 and t.hour in (3, 4) and wh:
            wh = "%.1f" % (float(wh) + 2000)
            nights.add(t.date())
        w.writerow([ts, wh])
print(len(nights), "nights with a heater", file=sys.stderr)
