# Counts, in a backtest CSV of the injected history, the heater nights with at least one alert
# window at 03:00 or 04:00, and the alert windows elsewhere.
import csv, datetime, sys
rows = list(csv.DictReader(open(sys.argv[1])))
injected, detected, other = set(), set(), 0
for r in rows:
    t = datetime.datetime.fromisoformat(r["timestamp"])
    heater = t.timetuple().tm_yday % 7 == 0 and t.hour in (3, 4)
    if heater:
        injected.add(t.date())
        if r["alert"] == "true":
            detected.add(t.date())
    elif r["alert"] == "true":
        other += 1
print("heater nights detected: %d of %d; other alert windows: %d" % (len(detected), len(injected), other))
