#exit 1
#stdout-has from 000_1d17b1946fa3511d.txt ¶11
#stdout-has "National Intelligence Service reported that North Korea has decided to send"
# 003 shares an 11-word run with the Yonhap story ("National Intelligence
# Service reported that North Korea has decided to send") and got no link:
# the run is a small share of either paragraph.  A shared run of 8 or
# more content words, more than a name and title, is a copy link.
"$WT" compare "$WT_SEEDS"/000_*.txt "$WT_SEEDS"/003_*.txt
