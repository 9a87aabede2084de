@echo off
rem `kabar` for Windows, installed beside Kabar.exe: add the install folder to PATH. With no
rem arguments it opens the window; with arguments it runs the command line on the app's bundled
rem Node (Kabar.exe with ELECTRON_RUN_AS_NODE=1), as VS Code's code.cmd does.
setlocal
if "%~1"=="" (
  set ELECTRON_RUN_AS_NODE=
  start "" "%~dp0Kabar.exe"
  exit /b 0
)
set ELECTRON_RUN_AS_NODE=1
"%~dp0Kabar.exe" "%~dp0resources\app.asar\out\main\cli.js" %*
exit /b %ERRORLEVEL%
