#exit 1
#stdout-has verbatim  1.00  from u8.txt
# A UTF-32LE file with its byte order mark was read as UTF-16LE (the
# marks share their first two bytes), so a verbatim copy was "no reuse".
printf 'The harbour strike entered its third day on Monday with no talks planned.\n' > u8.txt
printf '\377\376\000\000' > u32.txt
iconv -f UTF-8 -t UTF-32LE u8.txt >> u32.txt
"$WT" compare u32.txt u8.txt
