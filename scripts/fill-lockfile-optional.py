# The npm registry reachable here lacks rollup's native packages for other platforms, so npm
# leaves them out of package-lock.json and `npm ci` then refuses the lockfile. This adds their
# entries (never fetched: their os/cpu do not match) for the names `npm ci` reports missing:
#   python3 scripts/fill-lockfile-optional.py @rollup/rollup-android-arm64 ...

import json,re,sys
import os
p=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'package-lock.json')
lock=json.load(open(p))
pk=lock['packages']
missing=sys.argv[1:]
for name in missing:
    key='node_modules/'+name
    if key in pk: continue
    m=re.match(r'@rollup/rollup-([a-z0-9]+)-([a-z0-9]+)(?:-([a-z]+))?$',name.strip())
    if not m: print('skip',repr(name)); continue
    os_,cpu,abi=m.group(1),m.group(2),m.group(3)
    cpu={'x64':'x64','arm64':'arm64','arm':'arm','ia32':'ia32','loong64':'loong64','ppc64':'ppc64','riscv64':'riscv64','s390x':'s390x'}[cpu]
    os_={'android':'android','darwin':'darwin','freebsd':'freebsd','linux':'linux','openbsd':'openbsd','openharmony':'openharmony','win32':'win32'}[os_]
    entry={'version':'4.68.7','cpu':[cpu],'dev':True,'license':'MIT','optional':True,'os':[os_]}
    if abi in ('gnu','musl'): entry['libc']=['glibc' if abi=='gnu' else 'musl']
    pk[key]=entry
lock['packages']=dict(sorted(pk.items(), key=lambda kv: (kv[0]!='', kv[0])))
json.dump(lock,open(p,'w'),indent=2)
open(p,'a').write('\n')
