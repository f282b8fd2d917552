# bash completion for wiretrace(1)
# Installed to share/bash-completion/completions/wiretrace.

_wiretrace()
{
    local cur prev words cword
    _init_completion -n = || return

    local commands="compare scan clusters dedup diff extract index serve audit"
    local opts="--json --html --all-pairs --details --published --outlet --lang
        --encoding --shingle --window --perms --min-span --verbatim-min
        --edited-min --rewrite-min --duplicate-min --evidence-min --translation-min --lang-dir --color
        --no-color --side-by-side --context --stat --quiet --verbose --help --version
        --format --db --shard --since --until --no-uses --jobs --batch --in-memory-max --include --profile
        --listen --threads --token-file --insecure --max-body --max-connections
        --timeout --access-log --max-record --cache --keep --mark --taken-min --story-min
        -k -w -j -q -v -h -U"

    if [[ $cword -eq 1 ]]; then
        COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
        return
    fi
    local cmd=${words[1]}

    case $prev in
        --html)
            _filedir html
            return
            ;;
        --lang-dir)
            _filedir -d
            return
            ;;
        --db)
            _filedir db
            return
            ;;
        --token-file)
            _filedir
            return
            ;;
        --format)
            if [[ $cmd == audit ]]; then
                COMPREPLY=($(compgen -W "text json csv" -- "$cur"))
            else
                COMPREPLY=($(compgen -W "text json jsonl" -- "$cur"))
            fi
            return
            ;;
        --keep)
            COMPREPLY=($(compgen -W "origin earliest longest" -- "$cur"))
            return
            ;;
        --outlet)
            # audit: an outlet's name, not FILE=NAME.
            [[ $cmd == audit ]] && return
            _filedir
            [[ ${#COMPREPLY[@]} -eq 1 && ! -d ${COMPREPLY[0]} ]] &&
                compopt -o nospace && COMPREPLY[0]+="="
            return
            ;;
        --published)
            # FILE=VALUE: complete the file part.
            _filedir
            [[ ${#COMPREPLY[@]} -eq 1 && ! -d ${COMPREPLY[0]} ]] &&
                compopt -o nospace && COMPREPLY[0]+="="
            return
            ;;
        --lang)
            local dir
            dir=$(wiretrace --version 2>/dev/null |
                sed -n 's/^language profiles: //p')
            [[ -d $dir ]] &&
                COMPREPLY=($(compgen -W "$(cd "$dir" && ls -d */ |
                    tr -d /)" -- "$cur"))
            return
            ;;
        --encoding | --shingle | -k | --window | -w | --perms | \
            --min-span | --verbatim-min | --edited-min | --rewrite-min | \
            --duplicate-min | --evidence-min | --translation-min | --since | --until | --jobs | -j | --batch | \
            --in-memory-max | --max-record | --cache | --listen | --threads | --max-body | \
            --max-connections | --timeout | --taken-min | --story-min)
            return
            ;;
    esac

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        [[ ${COMPREPLY-} == *= ]] && compopt -o nospace
        return
    fi
    if [[ $cmd == index && $cword -eq 2 ]]; then
        COMPREPLY=($(compgen -W "init add query get list remove stats relink" -- "$cur"))
        return
    fi
    case $cmd in
        scan) _filedir -d ;;
        *) _filedir ;;
    esac
} &&
    complete -F _wiretrace wiretrace
