; Inno Setup 6 script for Companion (Cydymaith): a per-user install (no administrator rights) of the
; PyInstaller folder dist\companion\, with the installer in Welsh or English.
;
; Build on Windows, from the repository root, after `python packaging\build.py`:
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" packaging\windows\companion.iss
; The installer is written to dist\Companion-<version>-setup.exe. See packaging/README.md.
;
; Inno Setup ships no Welsh messages file, so Welsh.isl (beside this script) holds the installer's Welsh:
; every page and button a person sees on the usual path. Any message it leaves out is shown in English.
;
; Uninstalling removes the program only. The diary, its backups and settings live in the person's own
; data folder (%LOCALAPPDATA%\Companion, from platformdirs) and are never removed by the uninstaller.

#define AppVersion "0.1.0"
#define AppId "cymru.companion.Companion"

[Setup]
AppId={{7BD2BA69-E47F-4A64-BCEA-08BF9320DAE5}
AppName=Companion
AppVersion={#AppVersion}
AppVerName=Companion {#AppVersion}
AppPublisher=The Companion developers
AppPublisherURL=https://companion.cymru/
AppCopyright=MIT licence, the Companion developers
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\Companion
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=Companion-{#AppVersion}-setup
SetupIconFile=packaging\windows\companion.ico
UninstallDisplayIcon={app}\companion.exe
UninstallDisplayName=Companion
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
ShowLanguageDialog=yes
LanguageDetectionMethod=uilanguage
CloseApplications=yes

[Languages]
; Welsh first (the Active Offer); Windows' display language picks the default.
Name: "cy"; MessagesFile: "compiler:Default.isl,packaging\windows\Welsh.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
cy.AppName=Cydymaith
en.AppName=Companion
cy.AppComment=Dyddiadur all-lein wedi'i amgryptio ar gyfer byw gyda phoen parhaus
en.AppComment=An offline, encrypted diary for living with persistent pain

[Messages]
en.ConfirmUninstall=Are you sure you want to remove %1 and all of its components from this computer? Your diary and its backups are kept.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "dist\companion\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{cm:AppName}"; Filename: "{app}\companion.exe"; Comment: "{cm:AppComment}"; AppUserModelID: "cymru.companion.Companion"
Name: "{autodesktop}\{cm:AppName}"; Filename: "{app}\companion.exe"; Comment: "{cm:AppComment}"; AppUserModelID: "cymru.companion.Companion"; Tasks: desktopicon

[Run]
Filename: "{app}\companion.exe"; Description: "{cm:LaunchProgram,{cm:AppName}}"; Flags: nowait postinstall skipifsilent
