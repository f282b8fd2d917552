#exit 1
#stderr-has invalid ISO_2022
#stderr-has sequence(s), the first at byte 33
# The warning about invalid input names the charset: its name was read
# from the ICU converter after the converter was closed (heap use after
# free under ASan with ISO-2022-*, ISCII and other stateful converters).
printf 'Harbour strike talks resume \033$B\041\041\177\177\033(B in Harborton on Monday.\n' > j.txt
cp j.txt k.txt
"$WT" compare --encoding ISO-2022-JP j.txt k.txt
