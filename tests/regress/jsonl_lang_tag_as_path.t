#exit 0
#stderr-has 3 added, 0 unchanged
# The JSON Lines "lang" field was joined into a file path ("../" named
# any folder as a language profile) while ordinary BCP 47 tags ("EN",
# "en-US") got the article refused.  Tags are normalized to their primary
# subtag; a value that is no tag is ignored and the language identified.
cat > feed.jsonl <<'END'
{"id": "upper", "lang": "EN", "text": "The harbour strike entered its third day on Monday with no talks planned."}
{"id": "region", "lang": "en-US", "text": "Dock workers in Harborton kept the port closed for a third day on Monday."}
{"id": "path", "lang": "../../etc", "text": "Port officials said the cranes would stay idle until the union returns."}
END
"$WT" index add --db t.db feed.jsonl
