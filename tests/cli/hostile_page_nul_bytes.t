#exit 0
#stderr-has nul.html: 2 NUL byte(s), the first at byte 18, read as spaces
#stdout-has The council voted
# NUL bytes in a page are read as spaces (browsers drop them); the page is
# read, and the warning names the file.
printf '<html><body><p>The\000council voted to close the harbour.\000</p>' \
    > nul.html
"$WT" extract nul.html
