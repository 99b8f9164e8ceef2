; Inno Setup script for Observe on Windows: a per-user installer (no administrator needed, the
; way a coach's school laptop usually is), with a Start-menu entry, an optional desktop icon,
; English and Spanish wizard pages, and an uninstaller that leaves the coach's data alone.
;
;   iscc /DAppVersion=0.1.0 /DSourceDir=..\..\dist\observe /DOutputDir=..\..\dist packaging\windows\observe.iss
;
; packaging\windows\build.ps1 runs PyInstaller (packaging\observe.spec) first and then this.
; Inno Setup 6.3+ (https://jrsoftware.org/isinfo.php; `choco install innosetup` on a CI runner).

#ifndef AppVersion
  #error Pass /DAppVersion=X.Y.Z (build.ps1 reads it from `observe-cli --version`).
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\observe"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

[Setup]
; The AppId identifies Observe to Windows across versions: never change it, or an upgrade
; installs beside the old version instead of over it.
AppId={{6C0B1E0A-3D8F-4B8E-9A57-0B5E2C7D41F3}
AppName=Observe
AppVersion={#AppVersion}
AppVerName=Observe {#AppVersion}
AppPublisher=Observe developers
AppPublisherURL=https://observeapp.org
DefaultDirName={autopf}\Observe
DefaultGroupName=Observe
DisableProgramGroupPage=yes
; Per user by default; an IT person can still choose "install for all users".
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=Observe-{#AppVersion}-setup
SetupIconFile={#OutputDir}\observe.ico
UninstallDisplayIcon={app}\Observe.exe
Compression=lzma2/ultra64
SolidCompression=yes
WizardStyle=modern
LicenseFile={#SourceDir}\LICENSE
; Signing: build.ps1 passes /DSign=1 and /Ssigntool=... when a certificate is configured, so
; the installer and the uninstaller it writes are both signed.
#ifdef Sign
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller folder: Observe.exe (windowed), observe-cli.exe (console), _internal\.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Observe"; Filename: "{app}\Observe.exe"; Comment: "Classroom evidence and strengths-based feedback"
Name: "{autodesktop}\Observe"; Filename: "{app}\Observe.exe"; Tasks: desktopicon

[Run]
; A quick check that the installed copy starts (fonts, Qt plugins, migrations), then the app.
Filename: "{app}\observe-cli.exe"; Parameters: "--self-test"; Flags: runhidden waituntilterminated; StatusMsg: "Checking the installation..."
Filename: "{app}\Observe.exe"; Description: "{cm:LaunchProgram,Observe}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program folder holds. The coach's records live in %LOCALAPPDATA%\Observe and
; are never removed by an uninstall: they may be the only copy of a year of notes.
Type: filesandordirs; Name: "{app}\_internal"
