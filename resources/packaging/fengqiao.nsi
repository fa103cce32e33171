; The Fengqiao installer (NSIS 3, Unicode). Compiles on Windows and on Linux (Debian's `nsis` package):
;
;   makensis -DVERSION=0.1.0 -DBUNDLE_DIR=dist/fengqiao -DOUT_FILE=dist/Fengqiao-0.1.0-setup.exe \
;            resources/packaging/fengqiao.nsi
; (-DQUICK skips compression.)
;
; A 64-bit installer: the app (Qt 6, PySide6, SQLCipher) exists for x64 Windows only, so a 32-bit installer would
; only add WOW64 redirection of Program Files and the registry for nothing. Debian's nsis ships the amd64 stubs.
;
; Silent use (what IT staff and the tests do): `setup.exe /S` for the current user, `setup.exe /S /ALLUSERS`
; elevated for every user; `uninstall.exe /S` keeps the user's data, `uninstall.exe /S /DELETEDATA` removes it.
;
; Installs for the current user without administrator rights (%LOCALAPPDATA%\Programs\Fengqiao, HKCU), which is
; what a grid worker's laptop needs. Run elevated with /ALLUSERS to install for every user of the machine
; (Program Files, HKLM). The user's data (database, attachments, backups, logs) lives in %LOCALAPPDATA%\Fengqiao
; and is never inside the install folder; the uninstaller keeps it unless the user ticks its removal.

Target amd64-unicode
!ifdef QUICK  ; CI only proves the script compiles: no time spent compressing
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif
RequestExecutionLevel user
ManifestDPIAware true

!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef BUNDLE_DIR
  !define BUNDLE_DIR "..\..\dist\fengqiao"
!endif
!ifndef OUT_FILE
  !define OUT_FILE "..\..\dist\Fengqiao-${VERSION}-setup.exe"
!endif
!define APP "Fengqiao"
!define APP_EXE "fengqiao.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!define BUNDLE_EXT ".fqb"
!define BUNDLE_TYPE "Fengqiao.SyncBundle"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

Name "$(APP_NAME)"
OutFile "${OUT_FILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
BrandingText "${APP} ${VERSION}"

; Version information shown in the installer's Properties → Details.
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "Fengqiao 枫桥"
VIAddVersionKey /LANG=0 "FileDescription" "Fengqiao installer"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "Apache-2.0"

Var AllUsers
Var DeleteData

!define MUI_ICON "..\icons\fengqiao.ico"
!define MUI_UNICON "..\icons\fengqiao.ico"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "licence.txt"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

; Chinese first: it is the default when the system language is not English.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString APP_NAME ${LANG_SIMPCHINESE} "枫桥 矛盾纠纷多元化解"
LangString APP_NAME ${LANG_ENGLISH} "Fengqiao dispute resolution"
LangString SHORTCUT ${LANG_SIMPCHINESE} "枫桥"
LangString SHORTCUT ${LANG_ENGLISH} "Fengqiao"
LangString BUNDLE_NAME ${LANG_SIMPCHINESE} "枫桥离线同步包"
LangString BUNDLE_NAME ${LANG_ENGLISH} "Fengqiao offline sync bundle"
LangString NEED_ADMIN ${LANG_SIMPCHINESE} "为所有用户安装（/ALLUSERS）需要以管理员身份运行安装程序。"
LangString NEED_ADMIN ${LANG_ENGLISH} "Installing for all users (/ALLUSERS) needs the installer to run as administrator."
LangString REMOVE_DATA ${LANG_SIMPCHINESE} "同时删除我的数据（数据库、附件、备份和日志）"
LangString REMOVE_DATA ${LANG_ENGLISH} "Also delete my data (database, attachments, backups and logs)"
LangString REMOVE_DATA_SURE ${LANG_SIMPCHINESE} "确定要删除 $LOCALAPPDATA\${APP} 中的全部数据吗？未同步的记录将永久丢失。建议先在程序中备份。"
LangString REMOVE_DATA_SURE ${LANG_ENGLISH} "Really delete all data in $LOCALAPPDATA\${APP}? Records not yet synced will be lost for good. Back up from the app first."
LangString PROGRAM ${LANG_SIMPCHINESE} "程序文件"
LangString PROGRAM ${LANG_ENGLISH} "Program files"

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
  StrCpy $AllUsers 0
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/ALLUSERS" $1
  ${IfNot} ${Errors}
    UserInfo::GetAccountType
    Pop $1
    ${If} $1 != "Admin"
      MessageBox MB_OK|MB_ICONSTOP "$(NEED_ADMIN)" /SD IDOK
      Abort
    ${EndIf}
    StrCpy $AllUsers 1
    SetShellVarContext all
    StrCpy $INSTDIR "$PROGRAMFILES64\${APP}"
  ${EndIf}
FunctionEnd

!macro WriteKeys ROOT
  WriteRegStr ${ROOT} "${UNINSTALL_KEY}" "DisplayName" "$(APP_NAME)"
  WriteRegStr ${ROOT} "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr ${ROOT} "${UNINSTALL_KEY}" "Publisher" "Fengqiao"
  WriteRegStr ${ROOT} "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr ${ROOT} "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr ${ROOT} "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD ${ROOT} "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD ${ROOT} "${UNINSTALL_KEY}" "NoRepair" 1
  WriteRegDWORD ${ROOT} "${UNINSTALL_KEY}" "EstimatedSize" $0
  ; Double-clicking an offline sync bundle opens it in Fengqiao, which asks before importing it.
  WriteRegStr ${ROOT} "Software\Classes\${BUNDLE_EXT}" "" "${BUNDLE_TYPE}"
  WriteRegStr ${ROOT} "Software\Classes\${BUNDLE_TYPE}" "" "$(BUNDLE_NAME)"
  WriteRegStr ${ROOT} "Software\Classes\${BUNDLE_TYPE}\DefaultIcon" "" "$INSTDIR\${APP_EXE},0"
  WriteRegStr ${ROOT} "Software\Classes\${BUNDLE_TYPE}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" --open "%1"'
!macroend

!macro DeleteKeys ROOT
  DeleteRegKey ${ROOT} "${UNINSTALL_KEY}"
  DeleteRegKey ${ROOT} "Software\Classes\${BUNDLE_TYPE}"
  ReadRegStr $0 ${ROOT} "Software\Classes\${BUNDLE_EXT}" ""
  ${If} $0 == "${BUNDLE_TYPE}"
    DeleteRegKey ${ROOT} "Software\Classes\${BUNDLE_EXT}"
  ${EndIf}
!macroend

Section "$(PROGRAM)" SecProgram
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the program folder whole, so no file of an older version lingers. Data is elsewhere.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\fengqiao-cli.exe"  ; the separate console and server programs of 0.1.0
  Delete "$INSTDIR\fengqiao-server.exe"
  File /r "${BUNDLE_DIR}/*"
  ${If} $AllUsers == 1
    FileOpen $1 "$INSTDIR\all-users" w
    FileClose $1
  ${EndIf}
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortcut "$SMPROGRAMS\${APP}\$(SHORTCUT).lnk" "$INSTDIR\${APP_EXE}"
  CreateShortcut "$SMPROGRAMS\${APP}\Uninstall.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\$(SHORTCUT).lnk" "$INSTDIR\${APP_EXE}"
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  ${If} $AllUsers == 1
    !insertmacro WriteKeys HKLM
  ${Else}
    !insertmacro WriteKeys HKCU
  ${EndIf}
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'  ; the new bundle icon shows at once
SectionEnd

Section "un.$(PROGRAM)" UnSecProgram
  SectionIn RO
  Delete "$DESKTOP\$(SHORTCUT).lnk"
  RMDir /r "$SMPROGRAMS\${APP}"
  ${If} ${FileExists} "$INSTDIR\all-users"
    !insertmacro DeleteKeys HKLM
  ${Else}
    !insertmacro DeleteKeys HKCU
  ${EndIf}
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\fengqiao.exe"
  Delete "$INSTDIR\fengqiao-cli.exe"
  Delete "$INSTDIR\fengqiao-server.exe"
  Delete "$INSTDIR\all-users"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
SectionEnd

; Off unless ticked (or /DELETEDATA given): the data is the user's weeks of offline work.
Section /o "un.$(REMOVE_DATA)" UnSecData
  StrCmp $DeleteData 1 remove
  MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(REMOVE_DATA_SURE)" /SD IDNO IDYES remove
  Return
  remove:
  SetShellVarContext current  ; the data is always the user's own, even after an all-users install
  RMDir /r "$LOCALAPPDATA\${APP}"
  DeleteRegKey HKCU "Software\${APP}"  ; window layout and language (QSettings)
SectionEnd

; After the sections, so that it can select one.
Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
  ${If} ${FileExists} "$INSTDIR\all-users"
    SetShellVarContext all
  ${EndIf}
  StrCpy $DeleteData 0
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/DELETEDATA" $1
  ${IfNot} ${Errors}
    StrCpy $DeleteData 1
    SectionSetFlags ${UnSecData} ${SF_SELECTED}
  ${EndIf}
FunctionEnd
