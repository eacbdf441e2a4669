#!/usr/bin/env python3
"""How often a home's own usage does what a switched-on heater does in its first minutes.

Counts the moments a minute history's level over HOLD minutes (WattWatch's level: the lowest minute
power once one minute of dip is set aside) stands at least STEP watts above the level of the 10 minutes
before, i.e. a load of about a heater's size switched on and held for HOLD minutes. Steps within 30
minutes of each other count once. Prints them per month, per hour of day, and the share of the day with none
within two hours either side (the trainer pools an hour with 90 minutes either side): only a heater
switched on there could be told from the home's own loads after HOLD minutes by time of day.

usage: sustained_steps.py MINUTE-HISTORY.csv [STEP-WATTS=1800] [HOLD-MINUTES=10]
"""
import collections, csv, datetime as dt, sys

path = sys.argv[1]
step = float(sys.argv[2]) if len(sys.argv) > 2 else 1800.0
hold = int(sys.argv[3]) if len(sys.argv) > 3 else 10
rows = [(dt.datetime.fromisoformat(r['timestamp']), float(r['w']) if r['w'] else None)
        for r in csv.DictReader(open(path))]
times = [t for t, _ in rows]
watts = [w for _, w in rows]


def level(end, n=10):
    window = watts[end - n + 1:end + 1]
    return None if any(w is None for w in window) else sorted(window)[1]


starts = []
last = None
for i in range(hold + 9, len(watts)):
    now, before = level(i, hold), level(i - hold)
    if now is None or before is None or now - before < step:
        continue
    if last is None or times[i] - last > dt.timedelta(minutes=30):
        starts.append(times[i - hold + 1])
    last = times[i]

days = (times[-1] - times[0]).total_seconds() / 86400
by_hour = collections.Counter(s.hour for s in starts)
minutes_of_day = [s.hour * 60 + s.minute for s in starts]
quiet = 0
for m in range(24 * 60):
    near = any(min(abs(m - s), 24 * 60 - abs(m - s)) <= 120 for s in minutes_of_day)
    quiet += not near
print(f"{path}: {len(starts)} steps of +{step:.0f} W held {hold} min in {days:.0f} days = "
      f"{len(starts) / days * 30.4:.0f} a month")
print("by hour of day:", dict(sorted(by_hour.items())))
print(f"share of the day with none within two hours: {quiet / (24 * 60):.0%}")
