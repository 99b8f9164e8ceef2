# Builds the Windows installer: PyInstaller folder, self-test, Inno Setup, optional signing.
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
#   $env:OBSERVE_SIGN_CERT_SHA1 = "<thumbprint>"; ...build.ps1     # signed (see packaging\README.md)
#
# Needs Python 3.11 (python.org or `actions/setup-python`) and Inno Setup 6.3+ on PATH (iscc).
# Output: dist\observe\ (the app folder) and dist\Observe-<version>-setup.exe.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

$venv = "build\pyinstaller-venv"
if (-not (Test-Path "$venv\Scripts\python.exe")) { py -3.11 -m venv $venv }
$py = "$venv\Scripts\python.exe"
& $py -m pip install --disable-pip-version-check -q --upgrade pip
# Pillow converts the PNG icon to .ico for PyInstaller and for the installer.
& $py -m pip install --disable-pip-version-check -q "pyinstaller>=6.10,<7" "pillow>=10" .
if ($LASTEXITCODE) { throw "pip install failed" }

New-Item -ItemType Directory -Force dist | Out-Null
& $py -c "from PIL import Image; Image.open('resources/icons/hicolor/256x256/apps/org.observeapp.Observe.png').save('dist/observe.ico', sizes=[(16,16),(24,24),(32,32),(48,48),(64,64),(128,128),(256,256)])"

& $py -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build\pyinstaller packaging\observe.spec
if ($LASTEXITCODE) { throw "PyInstaller failed" }

# The same checks a coach's laptop would fail first: starts, Qt loads, a profile works.
$env:QT_QPA_PLATFORM = "offscreen"
& dist\observe\observe-cli.exe --version
& dist\observe\observe-cli.exe --self-test
if ($LASTEXITCODE) { throw "the built program failed its self-test" }
$profile = Join-Path $env:TEMP "observe build check Zoë"
& dist\observe\observe-cli.exe --data-dir $profile demo
& dist\observe\observe-cli.exe --data-dir $profile check
if ($LASTEXITCODE) { throw "demo/check on the built program failed" }
Remove-Item -Recurse -Force $profile
Remove-Item Env:QT_QPA_PLATFORM

$version = ((& dist\observe\observe-cli.exe --version) -split " ")[1]
$signArgs = @()
if ($env:OBSERVE_SIGN_CERT_SHA1) {
  $sign = "signtool sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /sha1 $env:OBSERVE_SIGN_CERT_SHA1"
  & signtool sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /sha1 $env:OBSERVE_SIGN_CERT_SHA1 dist\observe\Observe.exe dist\observe\observe-cli.exe
  if ($LASTEXITCODE) { throw "signing the programs failed" }
  $signArgs = @("/DSign=1", "/Ssigntool=$sign `$f")
}
& iscc "/DAppVersion=$version" "/DSourceDir=..\..\dist\observe" "/DOutputDir=..\..\dist" @signArgs packaging\windows\observe.iss
if ($LASTEXITCODE) { throw "Inno Setup failed" }
Write-Host "Built dist\Observe-$version-setup.exe"
