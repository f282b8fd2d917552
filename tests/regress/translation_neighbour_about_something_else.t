#exit 0
# A paragraph about something else between two translated paragraphs could
# be linked as a translation because of its neighbours (paragraph order).
# Here the English translation of the Korean wire replaces the wire's
# third paragraph with one on another subject that still names troops,
# South Korea and Friday: it must stay unlinked, its neighbours linked.
cat > en.txt <<'TXT'
Outlet: Example Times
Date: 2026-03-10T05:00:00Z

North Korea fired two short-range ballistic missiles into the East Sea on the morning of the 10th, the Joint Chiefs of Staff said. It is the seventh show of force this year.

According to the Joint Chiefs, the missiles flew about 350 km before falling outside Japan's exclusive economic zone. The military is analysing the exact specifications.

Meanwhile, officials said some 2,000 troops from South Korea will help farmers with the rice harvest from Friday, as the countryside faces a labour shortage.

The government convened an emergency meeting of the National Security Council and urged the North to stop its provocations, Yonhap reported. The meeting lasted an hour.

Semiconductor exports rose 4.5 percent last month from a year earlier to 12.3 billion dollars, the trade ministry announced.
TXT
"$WT" compare --json "$ROOT/corpora/lang/ko/wire.txt" en.txt > out.json
python3 - <<'PY'
import json, sys
d = json.load(open("out.json"))
doc = [x for x in d["documents"] if x["id"] == "en.txt"][0]
linked = [bool(p.get("sources")) for p in doc["paragraphs"]]
sys.exit(0 if linked == [True, True, False, True, True]
         else "linked paragraphs of en.txt: %s" % linked)
PY
