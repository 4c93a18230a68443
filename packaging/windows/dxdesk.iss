; Inno Setup 6 script: dxdesk for one Windows user, installed without administrator rights.
;
; Build the folder first (python packaging\build.py), then, from the repository root:
;   iscc packaging\windows\dxdesk.iss
; (packaging\README.md). The version is dxdesk.__version__: build.py writes it to
; build\packaging\version.iss, included below. The setup program is written to
; dist\dxdesk-<version>-setup.exe.
;
; What it does:
; * installs dist\dxdesk\ into %LOCALAPPDATA%\Programs\dxdesk (per user: {autopf} with
;   PrivilegesRequired=lowest), replacing the previous version's program files; the user's
;   records are elsewhere (%LOCALAPPDATA%\dxdesk\profile) and are never touched by an update;
; * a Start menu shortcut and, if chosen, a desktop shortcut to dxdesk-gui.exe (the window, no
;   console window);
; * .dxb (bundles) and .dxenrol (enrolment files) open with dxdesk-gui.exe "<file>": the import
;   check or the enrolment dialog (src/dxdesk/gui/fileopen.py); registered under
;   HKCU\Software\Classes, so no administrator is needed;
; * the uninstaller removes the program and the associations, and keeps the records unless the
;   user says to delete them (asked in a box whose default is to keep; never in a silent
;   uninstall).

#ifndef AppVersion
  ; #define AppVersion "X.Y.Z", written by packaging\build.py from src\dxdesk\__init__.py
  #include "..\..\build\packaging\version.iss"
#endif
#ifndef DistDir
  #define DistDir "..\..\dist\dxdesk"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\packaging\icons\dxdesk.ico"
#endif

[Setup]
; The same AppId for every version: a newer setup installs over the older one.
AppId={{6B3E2F0C-7A51-4C1E-9D3A-2F8B5E4C1D70}
AppName=dxdesk
AppVersion={#AppVersion}
AppVerName=dxdesk {#AppVersion}
AppPublisher=dxdesk developers
AppComments=自治体DXサポート業務の記録・報告ツール
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\dxdesk
DefaultGroupName=dxdesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=dxdesk-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\dxdesk-gui.exe
UninstallDisplayName=dxdesk {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
; A running dxdesk holds its files: ask to close it (Restart Manager) before replacing them.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
japanese.DesktopIcon=デスクトップにショートカットを作成する
english.DesktopIcon=Create a desktop shortcut
japanese.BundleType=dxdesk バンドル
english.BundleType=dxdesk bundle
japanese.EnrolType=dxdesk 端末登録ファイル
english.EnrolType=dxdesk enrolment file
japanese.DeleteData=この端末に保存された dxdesk の記録（プロファイルとバックアップ）も削除しますか？%n%n削除すると元に戻せません。記録を残す場合は「いいえ」を選んでください（再インストールすると、そのまま使えます）。
english.DeleteData=Also delete the dxdesk records kept on this computer (the profile and its backups)?%n%nThis cannot be undone. Choose No to keep them (a new install uses them as they are).

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[InstallDelete]
; The previous version's program files go first, so no stale library stays beside new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\dxdesk"; Filename: "{app}\dxdesk-gui.exe"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\dxdesk"; Filename: "{app}\dxdesk-gui.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; HKA is HKCU for a per-user install.
Root: HKA; Subkey: "Software\Classes\.dxb\OpenWithProgids"; ValueType: string; ValueName: "dxdesk.bundle"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.dxb"; ValueType: string; ValueName: ""; ValueData: "dxdesk.bundle"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\dxdesk.bundle"; ValueType: string; ValueName: ""; ValueData: "{cm:BundleType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\dxdesk.bundle\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\dxdesk-gui.exe,0"
Root: HKA; Subkey: "Software\Classes\dxdesk.bundle\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\dxdesk-gui.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.dxenrol\OpenWithProgids"; ValueType: string; ValueName: "dxdesk.enrolment"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.dxenrol"; ValueType: string; ValueName: ""; ValueData: "dxdesk.enrolment"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\dxdesk.enrolment"; ValueType: string; ValueName: ""; ValueData: "{cm:EnrolType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\dxdesk.enrolment\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\dxdesk-gui.exe,0"
Root: HKA; Subkey: "Software\Classes\dxdesk.enrolment\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\dxdesk-gui.exe"" ""%1"""

[Run]
Filename: "{app}\dxdesk-gui.exe"; Description: "dxdesk を起動する"; Flags: nowait postinstall skipifsilent

[Code]
var
  DeleteData: Boolean;

function ProfileRoot(): String;
begin
  { src/dxdesk/paths.py: platformdirs' user data folder, %LOCALAPPDATA%\dxdesk }
  Result := ExpandConstant('{localappdata}\dxdesk');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Code: Integer;
begin
  if CurUninstallStep = usUninstall then
  begin
    DeleteData := False;
    if (not UninstallSilent) and DirExists(ProfileRoot()) then
      DeleteData := MsgBox(CustomMessage('DeleteData'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
    if DeleteData then
      { While the program is still there: remove the key kept in Credential Manager, if any.
        Standard input from NUL: a profile whose key is not remembered would otherwise wait
        for a passphrase; this way it just fails, and there is no key to remove. }
      Exec(ExpandConstant('{cmd}'), '/c ""' + ExpandConstant('{app}\dxdesk.exe') + '" forget <NUL"',
        '', SW_HIDE, ewWaitUntilTerminated, Code);
  end;
  if (CurUninstallStep = usPostUninstall) and DeleteData then
  begin
    DelTree(ProfileRoot(), True, True, True);
    RegDeleteKeyIncludingSubkeys(HKEY_CURRENT_USER, 'Software\dxdesk');
  end;
end;
