#!/usr/bin/env bash
# check-imports.sh EXE: the portable exe may import only DLLs that every
# Windows 10/11 PC has; anything else would need an installer. And it must
# import those its features need: IMM32 places the IME at the caret (a MinGW
# build of Dear ImGui does not by itself).
set -euo pipefail
exe=$1
allowed="ADVAPI32.dll BCRYPT.dll CRYPT32.dll D3D11.dll D3DCOMPILER_47.dll DXGI.dll GDI32.dll IMM32.dll KERNEL32.dll msvcrt.dll
OLE32.dll OPENGL32.dll SHELL32.dll SHLWAPI.dll USER32.dll WS2_32.dll WINHTTP.dll VERSION.dll ntdll.dll"
required="IMM32.dll"
imports=$(x86_64-w64-mingw32-objdump -p "$exe" | awk '/DLL Name:/ {print $3}')
[ -n "$imports" ] || { echo "FAIL: no imports read from $exe" >&2; exit 1; }
bad=0
for dll in $imports; do
  if ! grep -qiw -- "$dll" <<<"$allowed"; then
    echo "FAIL: $exe imports $dll, which is not a Windows system DLL" >&2
    bad=1
  fi
done
for dll in $required; do
  if ! grep -qiw -- "$dll" <<<"$imports"; then
    echo "FAIL: $exe does not import $dll" >&2
    bad=1
  fi
done
echo "imports: $(echo $imports)"
exit $bad
