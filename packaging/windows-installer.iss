; Inno Setup script: a per-user installer for Windows that needs no administrator rights (venue laptops are
; often locked down). It installs the one-folder bundle from dist\fishbowl-desktop into the user's own programs
; folder, adds a Start menu entry, opens *.fishbowl.json session files with the app, and has an uninstaller.
; An upgrade installs over the same folder (the same AppId); the data folder (%LOCALAPPDATA%\fishbowl-desktop,
; sessions and settings) is never touched by installing, upgrading or uninstalling.
;
;   ISCC.exe /DAppVersion=0.1.0 packaging\windows-installer.iss     (run from the checkout; .github/workflows/bundle.yml)

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6C1E7E3A-5B0B-4E47-9A39-0F3B8E1D2A61}
AppName=Fishbowl Desktop
AppVersion={#AppVersion}
AppPublisher=Fishbowl Desktop contributors
DefaultDirName={autopf}\Fishbowl Desktop
DefaultGroupName=Fishbowl Desktop
DisableProgramGroupPage=yes
; per user, no UAC prompt; {autopf} then means %LOCALAPPDATA%\Programs
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
LicenseFile=..\LICENSE
OutputDir=..\dist
OutputBaseFilename=fishbowl-desktop-{#AppVersion}-setup
SetupIconFile=fishbowl-desktop.ico
UninstallDisplayIcon={app}\fishbowl-desktop.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes

[Languages]
Name: "german"; MessagesFile: "compiler:Languages\German.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\dist\fishbowl-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; an upgrade replaces the program files whole, so nothing of an older version's libraries lingers
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\Fishbowl Desktop"; Filename: "{app}\fishbowl-desktop.exe"
Name: "{autodesktop}\Fishbowl Desktop"; Filename: "{app}\fishbowl-desktop.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Registry]
; *.fishbowl.json opens in the app (the double extension is registered as ".json" plus a check in the app would
; claim every JSON file, so the association is for the session's own ProgID, offered under "Open with")
Root: HKA; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "FishbowlDesktop.Session"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\FishbowlDesktop.Session"; ValueType: string; ValueName: ""; ValueData: "Fishbowl session"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\FishbowlDesktop.Session\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\fishbowl-desktop.exe,0"
Root: HKA; Subkey: "Software\Classes\FishbowlDesktop.Session\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\fishbowl-desktop.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\fishbowl-desktop.exe\SupportedTypes"; ValueType: string; ValueName: ".json"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\fishbowl-desktop.exe"; Description: "{cm:LaunchProgram,Fishbowl Desktop}"; Flags: nowait postinstall skipifsilent
