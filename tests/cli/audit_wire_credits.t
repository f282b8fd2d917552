#exit 0
#stdout-has Uses of MPA's stories by other outlets (all uses)
#stdout-has Coastal Daily Record               1      1     324    324      0      0      0  1 of 1
#stdout-has Valley Times                       1      1     323
#stdout-has not credited  2026-04-02 09:00
#stdout-has 2026-04     1 uses,    0 credited
# A wire (MPA), a reprint and an edit that credit it, a copy that does not
# (Valley Times, in April), and an unrelated story of the reprint's outlet.
"$WT" index add -q --db wire.db "$ROOT/tests/cli/audit_feed.jsonl" || exit 99
# JSON: the figures per outlet, per story and per month.
"$WT" audit --db wire.db --outlet MPA --json >a.json || exit 98
python3 - <<'PY' || exit 97
import json
a = json.load(open("a.json"))
o = {r["outlet"]: r for r in a["outlets"]}
assert set(o) == {"Coastal Daily Record", "Harborton Evening Post",
                  "Valley Times"}, o
assert o["Valley Times"]["credited"] == 0, o
assert o["Valley Times"]["not_credited"] == 1, o
assert o["Coastal Daily Record"]["credited"] == 1, o
assert o["Coastal Daily Record"]["by_class"]["verbatim"] == 324, o
assert o["Harborton Evening Post"]["by_class"]["edited"] > 0, o
for r in a["outlets"]:
    assert r["stories"] == 1 and r["uses"] == 1, r
    assert r["words"] == sum(r["by_class"].values()), r
assert [s["id"] for s in a["stories"]] == ["wire"], a["stories"]
assert len(a["stories"][0]["used_by"]) == 3, a["stories"]
assert [m["month"] for m in a["months"]] == ["2026-03", "2026-04"], a
assert a["since"] is None and a["until"] is None, a
PY
# CSV: the header, one row per outlet, story row and month.
"$WT" audit --db wire.db --outlet MPA --format csv >a.csv || exit 96
head -1 a.csv | grep -qx 'part,month,outlet,story,title,published,stories,uses,words,verbatim,edited,rewrite,translation,credited,not_credited,first_use,last_use' || exit 95
[ "$(grep -c '^outlet,' a.csv)" = 3 ] && [ "$(grep -c '^story,' a.csv)" = 3 ] &&
    [ "$(grep -c '^month,' a.csv)" = 2 ] || exit 94
# --since / --until: March alone leaves the April copy out, April alone
# keeps it only.
"$WT" audit --db wire.db --outlet MPA --until 2026-04-01 --format csv >m.csv || exit 93
grep -q 'Valley Times' m.csv && exit 92
grep -q '^outlet,,Coastal Daily Record' m.csv || exit 91
"$WT" audit --db wire.db --outlet mpa --since 2026-04-01 --until 2026-05-01 --json >p.json || exit 90
python3 -c "
import json; a = json.load(open('p.json'))
assert [r['outlet'] for r in a['outlets']] == ['Valley Times'], a
assert a['since'] == '2026-04-01T00:00:00Z', a" || exit 89
# No use: exit 0 and a line that says so.
"$WT" audit --db wire.db --outlet "Coastal Daily Record" >n.txt || exit 88
grep -qx 'no uses of Coastal Daily Record by other outlets (all uses)' n.txt || exit 87
# --html: a page of its own, two inline charts, nothing fetched.
"$WT" audit --db wire.db --outlet MPA --html a.html >/dev/null || exit 83
[ "$(grep -o '<svg' a.html | wc -l)" = 2 ] || exit 82
grep -q -e 'src=' -e 'href=' -e '<link' a.html && exit 81
grep -q '<td>Valley Times</td>' a.html || exit 80
# Removing a taker removes its uses.
"$WT" index remove --db wire.db lifted || exit 86
"$WT" audit --db wire.db --outlet MPA --format csv | grep -q 'Valley Times' && exit 85
"$WT" index add -q --db wire.db "$ROOT/tests/cli/audit_feed.jsonl" || exit 84
"$WT" audit --db wire.db --outlet MPA
