#exit 2
#stderr-has markup.html: no article text in the page
#stderr-has doctype.html: no HTML elements
#stdout-has == text.html (html)
# Exit 2 only when nothing usable is in a page, with a message naming
# the file; a page with text beside them is read.
printf '<html><head><title></title></head><body><div></div></body></html>' \
    > markup.html
printf '<!doctype html>' > doctype.html
printf '<!doctype html><p>The council voted to close the harbour.</p>' \
    > text.html
"$WT" extract markup.html doctype.html text.html
