#exit 2
#stderr-has secret.txt: Permission denied
#stderr-has /proc/self/mem: Input/output error
#stdout-has 1 documents
# A file without read permission (run as an unprivileged user when root,
# who may read anything) and a file whose read fails.
printf 'Some text of a story.\n' > secret.txt
chmod 000 secret.txt
if [ "$(id -u)" = 0 ]; then
    chmod 755 .
    set -- setpriv --reuid=65534 --regid=65534 --clear-groups
fi
"$@" "$WT" compare secret.txt /proc/self/mem "$ROOT/corpora/demo/wire.txt"
