<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
  <context>
    <name>About</name>
    <message>
      <location filename="../../ui/shell/about.py" line="63" />
      <source>Free software under the MIT licence. Built with Python, Qt and more (Details…).</source>
      <translation>Freie Software unter der MIT-Lizenz. Gebaut mit Python, Qt und mehr (Details…).</translation>
    </message>
    <message>
      <location filename="../../ui/shell/about.py" line="70" />
      <source>Components and their licences:</source>
      <translation>Bestandteile und ihre Lizenzen:</translation>
    </message>
    <message>
      <location filename="../../ui/shell/about.py" line="73" />
      <source>The licence texts are in {folder}.</source>
      <translation>Die Lizenztexte liegen in {folder}.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/about.py" line="76" />
      <source>Qt and PySide6 are used under the LGPL-3.0: they are separate libraries that may be replaced with other builds of the same version.</source>
      <translation>Qt und PySide6 werden unter der LGPL-3.0 genutzt: Sie sind eigenständige Bibliotheken, die durch andere Builds derselben Version ersetzt werden dürfen.</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <location filename="../../controller/file_problems.py" line="29" />
      <source>Could not open {what}</source>
      <translation>{what} konnte nicht geöffnet werden</translation>
    </message>
    <message>
      <location filename="../../controller/file_problems.py" line="34" />
      <location filename="../../controller/file_problems.py" line="41" />
      <source>Could not open {file}: {reason}</source>
      <translation>{file} konnte nicht geöffnet werden: {reason}</translation>
    </message>
    <message>
      <location filename="../../controller/file_problems.py" line="53" />
      <source>other users can write to this folder</source>
      <translation>andere Benutzer können in diesen Ordner schreiben</translation>
    </message>
    <message>
      <location filename="../../controller/file_problems.py" line="55" />
      <source>the folder belongs to another user</source>
      <translation>der Ordner gehört einem anderen Benutzer</translation>
    </message>
    <message>
      <location filename="../../controller/file_problems.py" line="75" />
      <source>The file operation did not complete: {reason}{where}</source>
      <translation>Der Dateivorgang wurde nicht abgeschlossen: {reason}{where}</translation>
    </message>
    <message>
      <location filename="../../controller/file_problems.py" line="84" />
      <source>{file} is open in Fishbowl Desktop on another computer ({host}, process {pid}); two windows on one file would overwrite each other's changes. If that program was closed improperly or that computer is off, open the file again and take it over.</source>
      <translation>{file} ist in Fishbowl Desktop auf einem anderen Computer geöffnet ({host}, Prozess {pid}); zwei Fenster auf einer Datei würden sich gegenseitig die Änderungen überschreiben. Wurde das Programm dort nicht richtig beendet oder ist der Computer aus, öffnen Sie die Datei noch einmal und übernehmen Sie sie.</translation>
    </message>
    <message>
      <location filename="../../controller/file_problems.py" line="90" />
      <source>{file} is open in another Fishbowl Desktop window (process {pid} on {host}); two windows on one file would overwrite each other's changes.</source>
      <translation>{file} ist in einem anderen Fenster von Fishbowl Desktop geöffnet (Prozess {pid} auf {host}); zwei Fenster auf einer Datei würden sich gegenseitig die Änderungen überschreiben.</translation>
    </message>
    <message>
      <location filename="../../controller/file_problems.py" line="98" />
      <source>{file} is on a read-only medium (or in a folder you cannot write to): it is shown, but changes cannot be saved there. Save As… keeps them in a file of your own.</source>
      <translation>{file} liegt auf einem schreibgeschützten Datenträger (oder in einem Ordner, in den Sie nicht schreiben dürfen): Die Sitzung wird angezeigt, Änderungen lassen sich dort aber nicht speichern. „Speichern unter…“ bewahrt sie in einer eigenen Datei.</translation>
    </message>
    <message>
      <location filename="../../controller/file_problems.py" line="117" />
      <source>{file} could not be opened ({problem}): the computer probably lost power while saving. An unfinished save from {time} holds the whole evening.</source>
      <translation>{file} ließ sich nicht öffnen ({problem}): Vermutlich fiel beim Speichern der Strom aus. Ein nicht abgeschlossenes Speichern von {time} enthält den ganzen Abend.</translation>
    </message>
    <message>
      <location filename="../../controller/file_problems.py" line="123" />
      <source>{file} could not be opened ({problem}): the computer probably lost power while saving. Its backup from {time} holds the evening.</source>
      <translation>{file} ließ sich nicht öffnen ({problem}): Vermutlich fiel beim Speichern der Strom aus. Die Sicherung von {time} enthält den Abend.</translation>
    </message>
    <message>
      <location filename="../../controller/file_problems.py" line="130" />
      <source>Open the evening as saved at {time}</source>
      <translation>Den Abend öffnen, wie um {time} gespeichert</translation>
    </message>
    <message>
      <location filename="../../controller/session_files.py" line="133" />
      <source>The changes made here are not saved: {file} is open read-only. Save As… keeps them in a file of their own; choose the same again to leave them.</source>
      <translation>Die Änderungen hier sind nicht gespeichert: {file} ist schreibgeschützt geöffnet. Mit „Speichern unter…“ behalten Sie sie in einer eigenen Datei; wählen Sie dasselbe noch einmal, um sie zu verwerfen.</translation>
    </message>
    <message>
      <location filename="../../controller/session_files.py" line="195" />
      <source>The new session was not created: the sessions folder {folder} cannot be used ({reason}). The open session is unchanged.</source>
      <translation>Die neue Sitzung wurde nicht angelegt: Der Sitzungsordner {folder} ist nicht nutzbar ({reason}). Die geöffnete Sitzung bleibt unverändert.</translation>
    </message>
    <message>
      <location filename="../../controller/session_files.py" line="272" />
      <source>The copy was not restored: {reason}</source>
      <translation>Die Kopie wurde nicht wiederhergestellt: {reason}</translation>
    </message>
    <message>
      <location filename="../../controller/session_files.py" line="288" />
      <source>The evening is back in {file}, as saved at {time}.</source>
      <translation>Der Abend ist wieder in {file}, so wie um {time} gespeichert.</translation>
    </message>
    <message>
      <location filename="../../controller/session_files.py" line="292" />
      <source>The damaged file is kept as {aside}.</source>
      <translation>Die beschädigte Datei bleibt als {aside} erhalten.</translation>
    </message>
    <message>
      <location filename="../../controller/session_files.py" line="354" />
      <source>{file} is open read-only (another window owns it): changes here are not saved. Use Save As… to keep them in a file of their own.</source>
      <translation>{file} ist schreibgeschützt geöffnet (ein anderes Fenster besitzt die Datei): Änderungen hier werden nicht gespeichert. Mit „Speichern unter…“ behalten Sie sie in einer eigenen Datei.</translation>
    </message>
    <message>
      <location filename="../../controller/forgetting.py" line="62" />
      <source>The names are gone from the console but the file is not saved yet: {reason}. The older versions of the file still hold them; they are deleted once it is saved.</source>
      <translation>Die Namen sind aus der Konsole entfernt, aber die Datei ist noch nicht gespeichert: {reason}. Die älteren Fassungen der Datei enthalten sie noch; sie werden gelöscht, sobald gespeichert ist.</translation>
    </message>
    <message>
      <location filename="../../controller/forgetting.py" line="70" />
      <source>Saved without personal data, but these older copies could not be deleted: {files}</source>
      <translation>Ohne personenbezogene Daten gespeichert, aber diese älteren Kopien ließen sich nicht löschen: {files}</translation>
    </message>
    <message>
      <location filename="../../controller/session_files.py" line="395" />
      <source>The file was not renamed: {reason}</source>
      <translation>Die Datei wurde nicht umbenannt: {reason}</translation>
    </message>
    <message>
      <location filename="../../controller/session_files.py" line="404" />
      <source>The file was not renamed to {new}: {reason}. It is still saved as {old}.</source>
      <translation>Die Datei wurde nicht in {new} umbenannt: {reason}. Sie wird weiterhin als {old} gespeichert.</translation>
    </message>
    <message>
      <location filename="../../startup/plan.py" line="77" />
      <source>{name} had the floor: their turn is paused after {spoken} of speaking, {clock} left on the clock (saved at {time}). Press Space to let them go on.</source>
      <translation>{name} hatte das Wort: Beitrag angehalten nach {spoken} Redezeit, auf der Uhr noch {clock} (gespeichert um {time}). Mit der Leertaste geht es weiter.</translation>
    </message>
    <message>
      <location filename="../../startup/plan.py" line="83" />
      <source>{name} had the floor: their turn is paused after {spoken} of speaking, {clock} over time (saved at {time}). Press Space to let them go on.</source>
      <translation>{name} hatte das Wort: Beitrag angehalten nach {spoken} Redezeit, {clock} überzogen (gespeichert um {time}). Mit der Leertaste geht es weiter.</translation>
    </message>
    <message>
      <location filename="../../startup/plan.py" line="133" />
      <source>The sample evening is open; it is saved as {file}.</source>
      <translation>Der Beispielabend ist geöffnet; er wird als {file} gespeichert.</translation>
    </message>
    <message>
      <location filename="../../startup/plan.py" line="142" />
      <source>The previous run did not close properly; its session {file} is under File → Open recent.</source>
      <translation>Das Programm wurde zuletzt nicht ordnungsgemäß beendet; die Sitzung {file} steht unter Datei → Zuletzt geöffnet.</translation>
    </message>
    <message>
      <location filename="../../startup/plan.py" line="164" />
      <source>Fishbowl Desktop did not close properly last time. The last autosave of {file} (saved at {time}) has been reopened; the speaker timer is paused.</source>
      <translation>Fishbowl Desktop wurde beim letzten Mal nicht ordnungsgemäß beendet. Die letzte automatische Sicherung von {file} (gespeichert um {time}) ist wieder geöffnet; die Redezeit ist angehalten.</translation>
    </message>
    <message>
      <location filename="../../startup/plan.py" line="176" />
      <source>The program's note of which session was open was damaged (the computer probably lost power). The session saved last, {file} (saved at {time}), has been reopened.</source>
      <translation>Die Notiz des Programms, welche Sitzung geöffnet war, ist beschädigt (vermutlich ist der Strom ausgefallen). Die zuletzt gespeicherte Sitzung {file} (gespeichert um {time}) wurde wieder geöffnet.</translation>
    </message>
    <message>
      <location filename="../../app.py" line="84" />
      <location filename="../../controller/session_files.py" line="190" />
      <source>The sessions folder {folder} cannot be used ({reason}); new sessions are saved in {fallback} for now.</source>
      <translation>Der Sitzungsordner {folder} ist nicht verwendbar ({reason}); neue Sitzungen werden vorerst in {fallback} gespeichert.</translation>
    </message>
    <message>
      <location filename="../../controller/file_problems.py" line="60" />
      <source>The program cannot note that it is running ({reason}): after a crash it will not reopen this session by itself.</source>
      <translation>Das Programm kann nicht vermerken, dass es läuft ({reason}): nach einem Absturz öffnet es diese Sitzung nicht von selbst wieder.</translation>
    </message>
    <message>
      <location filename="../../controller/session_files.py" line="318" />
      <source>Not saved: {what}</source>
      <translation>Nicht gespeichert: {what}</translation>
    </message>
    <message>
      <location filename="../../startup/plan.py" line="232" />
      <location filename="../../controller/session_files.py" line="319" />
      <source>Not saved to {file}: {reason}</source>
      <translation>Nicht in {file} gespeichert: {reason}</translation>
    </message>
    <message>
      <location filename="../../app.py" line="98" />
      <source>The folder {folder} is not private ({reason}): other people on this computer could change or replace your sessions. Choose another sessions folder in the settings.</source>
      <translation>Der Ordner {folder} ist nicht privat ({reason}): Andere Personen an diesem Computer könnten Ihre Sitzungen ändern oder ersetzen. Wählen Sie in den Einstellungen einen anderen Sitzungsordner.</translation>
    </message>
    <message>
      <location filename="../../startup/plan.py" line="277" />
      <source>The window that has {file} open did not answer; it is shown here read-only.</source>
      <translation>Das Fenster, in dem {file} geöffnet ist, hat nicht geantwortet; die Datei wird hier schreibgeschützt angezeigt.</translation>
    </message>
    <message>
      <location filename="../../startup/plan.py" line="298" />
      <source>{file} is open in another window; this window works on a copy, saved as {copy}.</source>
      <translation>{file} ist in einem anderen Fenster geöffnet; dieses Fenster arbeitet mit einer Kopie, gespeichert als {copy}.</translation>
    </message>
    <message>
      <location filename="../../startup/plan.py" line="310" />
      <source>New session</source>
      <translation>Neue Sitzung</translation>
    </message>
    <message>
      <location filename="../../app.py" line="149" />
      <source>Fishbowl Desktop cannot run with PySide6 {version} on Python {python}: this combination is known to crash within minutes. Install the tested versions (pip install -c constraints.txt fishbowl-desktop) or Python {fixed} or newer.</source>
      <translation>Fishbowl Desktop kann nicht mit PySide6 {version} unter Python {python} laufen: Diese Kombination stürzt bekanntermaßen nach wenigen Minuten ab. Installieren Sie die getesteten Versionen (pip install -c constraints.txt fishbowl-desktop) oder Python {fixed} oder neuer.</translation>
    </message>
    <message>
      <location filename="../../app.py" line="165" />
      <source>Fishbowl Desktop cannot start</source>
      <translation>Fishbowl Desktop kann nicht starten</translation>
    </message>
    <message>
      <location filename="../../app.py" line="196" />
      <source>Settings not saved: {reason}</source>
      <translation>Einstellungen nicht gespeichert: {reason}</translation>
    </message>
    <message>
      <location filename="../../app.py" line="219" />
      <source>Save As…</source>
      <translation>Speichern unter…</translation>
    </message>
    <message>
      <location filename="../../app.py" line="224" />
      <source>{file} was just opened in another window; it is shown here read-only.</source>
      <translation>{file} wurde gerade in einem anderen Fenster geöffnet; die Datei wird hier schreibgeschützt angezeigt.</translation>
    </message>
  </context>
  <context>
    <name>Autosaver</name>
    <message>
      <location filename="../../controller/autosave.py" line="426" />
      <source>Not saved: {reason}. The session is kept in memory; retrying.</source>
      <translation>Nicht gespeichert: {reason}. Die Sitzung bleibt im Speicher; neuer Versuch folgt.</translation>
    </message>
  </context>
  <context>
    <name>ChainEditor</name>
    <message>
      <location filename="../../ui/widgets/chain_editor.py" line="81" />
      <source>Order of the queue</source>
      <translation>Reihenfolge der Warteliste</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_editor.py" line="87" />
      <source>Your own order</source>
      <translation>Eigene Reihenfolge</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_editor.py" line="89" />
      <source>&amp;Preset:</source>
      <translation>&amp;Vorlage:</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_editor.py" line="93" />
      <source>Rules in use, first decides first</source>
      <translation>Verwendete Regeln, die erste entscheidet zuerst</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_editor.py" line="96" />
      <source>Rules not in use</source>
      <translation>Nicht verwendete Regeln</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_editor.py" line="103" />
      <source>&amp;Rules, the first decides first:</source>
      <translation>&amp;Regeln, die erste entscheidet zuerst:</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_editor.py" line="105" />
      <source>Rules &amp;not in use:</source>
      <translation>&amp;Nicht verwendete Regeln:</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_editor.py" line="107" />
      <source>Then always: arrival (whoever asked first)</source>
      <translation>Danach immer: Ankunft (wer sich zuerst gemeldet hat)</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_editor.py" line="110" />
      <source>Move &amp;up</source>
      <translation>Nach &amp;oben</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_editor.py" line="111" />
      <source>Ctrl+Up</source>
      <translation>Strg+Pfeil hoch</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_editor.py" line="113" />
      <source>Move do&amp;wn</source>
      <translation>Nach &amp;unten</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_editor.py" line="114" />
      <source>Ctrl+Down</source>
      <translation>Strg+Pfeil runter</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_editor.py" line="116" />
      <source>&amp;Take out</source>
      <translation>&amp;Herausnehmen</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_editor.py" line="117" />
      <source>Delete</source>
      <translation>Entf</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_editor.py" line="119" />
      <source>&amp;Add to the chain</source>
      <translation>Hin&amp;zufügen</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_editor.py" line="120" />
      <source>Enter or Insert</source>
      <translation>Eingabe oder Einfg</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_editor.py" line="169" />
      <source>{n}. {rule}</source>
      <translation>{n}. {rule}</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_editor.py" line="257" />
      <source>The order could not be changed.</source>
      <translation>Die Reihenfolge ließ sich nicht ändern.</translation>
    </message>
  </context>
  <context>
    <name>ChainWords</name>
    <message>
      <location filename="../../ui/widgets/chain_words.py" line="16" />
      <source>Arrival</source>
      <translation>Ankunft</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_words.py" line="17" />
      <location filename="../../ui/widgets/chain_words.py" line="58" />
      <source>New voices first</source>
      <translation>Neue Stimmen zuerst</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_words.py" line="18" />
      <location filename="../../ui/widgets/chain_words.py" line="61" />
      <source>Fewest turns first</source>
      <translation>Wenigste Beiträge zuerst</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_words.py" line="19" />
      <location filename="../../ui/widgets/chain_words.py" line="62" />
      <source>Alternate groups (quota list)</source>
      <translation>Gruppen im Wechsel (quotierte Redeliste)</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_words.py" line="20" />
      <source>Other group than the person leaving the free chair</source>
      <translation>Andere Gruppe als die Person, die den freien Stuhl verlässt</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_words.py" line="23" />
      <source>Least speaking time so far</source>
      <translation>Wenigste Redezeit bisher</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_words.py" line="31" />
      <source>Whoever asked first goes first. Always the last rule: it decides every tie.</source>
      <translation>Wer sich zuerst gemeldet hat, kommt zuerst. Immer die letzte Regel: Sie entscheidet jeden Gleichstand.</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_words.py" line="34" />
      <source>People who have not spoken yet this evening go before those who have.</source>
      <translation>Wer an diesem Abend noch nicht gesprochen hat, kommt vor denen, die schon gesprochen haben.</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_words.py" line="37" />
      <source>Whoever has had fewer turns so far goes first.</source>
      <translation>Wer bisher weniger Beiträge hatte, kommt zuerst.</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_words.py" line="40" />
      <source>The groups take turns (quotierte Redeliste), starting with another group than the last.</source>
      <translation>Die Gruppen kommen abwechselnd dran (quotierte Redeliste), beginnend mit einer anderen Gruppe als zuletzt.</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_words.py" line="43" />
      <source>Someone of another group than the person who leaves the free chair before them goes first, where one is waiting.</source>
      <translation>Wer einer anderen Gruppe angehört als die Person, die vor ihr den freien Stuhl verlässt, kommt zuerst, sofern jemand wartet.</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_words.py" line="48" />
      <source>Whoever has spoken the least time so far this evening goes first.</source>
      <translation>Wer an diesem Abend bisher am wenigsten Redezeit hatte, kommt zuerst.</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_words.py" line="57" />
      <source>First come, first served</source>
      <translation>Der Reihe nach</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_words.py" line="59" />
      <source>Other group, new voices, least time</source>
      <translation>Andere Gruppe, Neue, wenig Redezeit</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_words.py" line="60" />
      <source>Least speaking time first</source>
      <translation>Wenigste Redezeit zuerst</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chain_words.py" line="63" />
      <source>Quota list, new voices first</source>
      <translation>Quotiert, neue Stimmen zuerst</translation>
    </message>
  </context>
  <context>
    <name>CircleView</name>
    <message>
      <location filename="../../ui/circle/circle_view.py" line="55" />
      <source>Inner circle</source>
      <translation>Innenkreis</translation>
    </message>
    <message>
      <location filename="../../ui/circle/circle_view.py" line="197" />
      <source>{name} has the floor ({spoken} spoken). Empty the seat and end the turn?</source>
      <translation>{name} hat das Wort ({spoken} gesprochen). Platz räumen und den Beitrag beenden?</translation>
    </message>
    <message>
      <location filename="../../ui/circle/circle_view.py" line="311" />
      <source>Give the floor</source>
      <translation>Wort erteilen</translation>
    </message>
    <message>
      <location filename="../../ui/circle/circle_view.py" line="196" />
      <location filename="../../ui/circle/circle_view.py" line="204" />
      <location filename="../../ui/circle/circle_view.py" line="312" />
      <source>Empty the seat</source>
      <translation>Platz räumen</translation>
    </message>
    <message>
      <location filename="../../ui/circle/circle_view.py" line="313" />
      <source>Seat…</source>
      <translation>Platz besetzen…</translation>
    </message>
  </context>
  <context>
    <name>ConsoleLanguage</name>
    <message>
      <location filename="../../ui/widgets/console_language.py" line="11" />
      <source>en</source>
      <translation>de</translation>
    </message>
  </context>
  <context>
    <name>ConsoleWindow</name>
    <message>
      <location filename="../../ui/shell/console_window.py" line="264" />
      <source>Give the floor</source>
      <translation>Wort erteilen</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_window.py" line="264" />
      <source>Enter or double-click</source>
      <translation>Enter oder Doppelklick</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_window.py" line="265" />
      <source>Seat…</source>
      <translation>Platz besetzen…</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_window.py" line="265" />
      <source>Insert</source>
      <translation>Einfg</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_window.py" line="266" />
      <source>Empty seat</source>
      <translation>Platz räumen</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_window.py" line="266" />
      <source>Delete</source>
      <translation>Entf</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_window.py" line="257" />
      <source>Inner circle</source>
      <translation>Innenkreis</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_window.py" line="277" />
      <source>Projector</source>
      <translation>Projektor</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_window.py" line="286" />
      <source>Participants</source>
      <translation>Teilnehmende</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_window.py" line="287" />
      <source>Statistics</source>
      <translation>Statistik</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_window.py" line="385" />
      <source>{key} came right after typing and was not taken: press it again.</source>
      <translation>{key} kam direkt nach dem Tippen und zählt nicht: bitte noch einmal drücken.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_window.py" line="538" />
      <source>{what}: 1 page saved to {path}</source>
      <translation>{what}: 1 Seite gespeichert unter {path}</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_window.py" line="540" />
      <source>{what}: {pages} pages saved to {path}</source>
      <translation>{what}: {pages} Seiten gespeichert unter {path}</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="85" />
      <source>&amp;New session</source>
      <translation>&amp;Neue Sitzung</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="86" />
      <source>&amp;Open…</source>
      <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="87" />
      <source>Save &amp;as…</source>
      <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="88" />
      <source>&amp;Quit</source>
      <translation>&amp;Beenden</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="89" />
      <location filename="../../ui/shell/console_menus.py" line="198" />
      <source>&amp;Undo</source>
      <translation>&amp;Rückgängig</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="90" />
      <location filename="../../ui/shell/console_menus.py" line="206" />
      <source>&amp;Redo</source>
      <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="91" />
      <source>Show/hide &amp;projector</source>
      <translation>&amp;Projektor zeigen/verbergen</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="92" />
      <source>&amp;Blank projector</source>
      <translation>Projektor &amp;ausblenden</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="93" />
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="94" />
      <source>&amp;Find participant</source>
      <translation>Teilnehmende &amp;suchen</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="95" />
      <source>&amp;Next on the free chair</source>
      <translation>&amp;Nächste Person auf den freien Stuhl</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="96" />
      <source>&amp;Start/pause the time</source>
      <translation>Zeit &amp;starten/anhalten</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="97" />
      <source>+30 seconds</source>
      <translation>+30 Sekunden</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="98" />
      <source>−30 seconds</source>
      <translation>−30 Sekunden</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="99" />
      <source>&amp;End turn</source>
      <translation>Beitrag &amp;beenden</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="100" />
      <source>&amp;Reset the time</source>
      <translation>Zeit &amp;zurücksetzen</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="110" />
      <source>&amp;File</source>
      <translation>&amp;Datei</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="45" />
      <source>Open &amp;recent</source>
      <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="116" />
      <source>&amp;Export PDF…</source>
      <translation>PDF &amp;exportieren…</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="122" />
      <source>&amp;Forget personal data…</source>
      <translation>Personenbezogene Daten &amp;vergessen…</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="132" />
      <source>&amp;Edit</source>
      <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="139" />
      <source>Event and fishbowl &amp;settings…</source>
      <translation>Veranstaltung und Fishbowl-&amp;Einstellungen…</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="145" />
      <source>&amp;Preferences…</source>
      <translation>&amp;Voreinstellungen…</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="52" />
      <source>&amp;Speaker</source>
      <translation>&amp;Rede</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="56" />
      <source>F&amp;ormat</source>
      <translation>F&amp;ormat</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="64" />
      <source>Save a &amp;problem report…</source>
      <translation>&amp;Problembericht speichern …</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="142" />
      <source>Order of the &amp;queue…</source>
      <translation>&amp;Reihenfolge der Warteliste…</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="151" />
      <source>&amp;View</source>
      <translation>&amp;Ansicht</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="155" />
      <source>&amp;Identify screens</source>
      <translation>Bildschirme &amp;identifizieren</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="160" />
      <source>Blank to b&amp;lack (no title)</source>
      <translation>Ganz schwar&amp;z ausblenden (ohne Titel)</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="168" />
      <source>&amp;Language</source>
      <translation>&amp;Sprache</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="171" />
      <source>Follow the system</source>
      <translation>Wie das System</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="61" />
      <source>&amp;Help</source>
      <translation>&amp;Hilfe</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="66" />
      <source>&amp;About Fishbowl Desktop</source>
      <translation>Ü&amp;ber Fishbowl Desktop</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_window.py" line="391" />
      <source>Next ignored: it came within a second of the last one. Press again to call the next guest.</source>
      <translation>Weiter ignoriert: kam weniger als eine Sekunde nach dem letzten. Zum Aufrufen erneut drücken.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_window.py" line="399" />
      <source>{name} is waiting. Ctrl+E types the next name.</source>
      <translation>{name} wartet. Strg+E für den nächsten Namen.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_window.py" line="434" />
      <source>{title} – Fishbowl Desktop</source>
      <translation>{title} – Fishbowl Desktop</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="196" />
      <source>&amp;Undo {what}</source>
      <translation>&amp;Rückgängig ({what})</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_menus.py" line="204" />
      <source>&amp;Redo {what}</source>
      <translation>&amp;Wiederherstellen ({what})</translation>
    </message>
    <message>
      <location filename="../../ui/shell/save_status.py" line="50" />
      <source>Read-only: {file} (the other window has closed)</source>
      <translation>Schreibgeschützt: {file} (das andere Fenster ist geschlossen)</translation>
    </message>
    <message>
      <location filename="../../ui/shell/save_status.py" line="52" />
      <source>Read-only: {file} (open in another window)</source>
      <translation>Schreibgeschützt: {file} (in einem anderen Fenster geöffnet)</translation>
    </message>
    <message>
      <location filename="../../ui/shell/save_status.py" line="58" />
      <source>Not saved to a file</source>
      <translation>Nicht in einer Datei gespeichert</translation>
    </message>
    <message>
      <location filename="../../ui/shell/save_status.py" line="64" />
      <source>Saving to {file}</source>
      <translation>Speichert in {file}</translation>
    </message>
    <message>
      <location filename="../../ui/shell/save_status.py" line="67" />
      <source>Saved to {file} at {time}</source>
      <translation>Gespeichert in {file} um {time}</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_window.py" line="493" />
      <source>A new screen is connected: {name}. Show the projector there?</source>
      <translation>Ein neuer Bildschirm ist angeschlossen: {name}. Den Projektor dort zeigen?</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_window.py" line="495" />
      <source>Move projector</source>
      <translation>Projektor verschieben</translation>
    </message>
    <message>
      <location filename="../../ui/shell/about.py" line="88" />
      <source>About Fishbowl Desktop</source>
      <translation>Über Fishbowl Desktop</translation>
    </message>
    <message>
      <location filename="../../ui/shell/about.py" line="58" />
      <source>Fishbowl Desktop {version}
An offline moderation console for fishbowl discussions: speaker timer, free-chair queue, projector and printed lists.</source>
      <translation>Fishbowl Desktop {version}
Eine Moderationskonsole für Fishbowl-Diskussionen, ganz ohne Internet: Redezeit, Warteliste für den freien Stuhl, Projektor und Listen zum Drucken.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_window.py" line="543" />
      <source>Open PDF</source>
      <translation>PDF öffnen</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_window.py" line="551" />
      <source>Print the rest</source>
      <translation>Den Rest drucken</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_window.py" line="569" />
      <source>{reason} Close the window again to quit anyway; the latest changes would be lost.</source>
      <translation>{reason} Das Fenster noch einmal schließen, um trotzdem zu beenden; die letzten Änderungen gingen dann verloren.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="69" />
      <source>Open session</source>
      <translation>Sitzung öffnen</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="71" />
      <source>Fishbowl sessions (*.fishbowl.json *.json)</source>
      <translation>Fishbowl-Sitzungen (*.fishbowl.json *.json)</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="122" />
      <source>The other window did not answer (process {pid} on {host}). Open a copy or open the file read-only instead.</source>
      <translation>Das andere Fenster hat nicht geantwortet (Prozess {pid} auf {host}). Öffnen Sie stattdessen eine Kopie oder die Datei schreibgeschützt.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="147" />
      <source>Save session as</source>
      <translation>Sitzung speichern unter</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="149" />
      <source>Fishbowl sessions (*.fishbowl.json)</source>
      <translation>Fishbowl-Sitzungen (*.fishbowl.json)</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="178" />
      <source>(none yet)</source>
      <translation>(noch keine)</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_preferences.py" line="109" />
      <source>New sessions cannot be saved in {folder}: {reason}</source>
      <translation>Neue Sitzungen können nicht in {folder} gespeichert werden: {reason}</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_preferences.py" line="119" />
      <source>No sound player was found on this computer, so the chime stays silent; the timer's colours still change at the warning and at zero.</source>
      <translation>Auf diesem Rechner wurde kein Abspielprogramm für Töne gefunden, der Gong bleibt also stumm; die Farben der Redezeit wechseln beim Hinweis und bei null trotzdem.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_preferences.py" line="125" />
      <source>The chime's sound file is missing from this installation, so the chime stays silent; the timer's colours still change at the warning and at zero.</source>
      <translation>Die Tondatei des Gongs fehlt in dieser Installation, der Gong bleibt also stumm; die Farben der Redezeit wechseln beim Hinweis und bei null trotzdem.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_preferences.py" line="142" />
      <source>The new language applies from the next start.</source>
      <translation>Die neue Sprache gilt ab dem nächsten Start.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_preferences.py" line="143" />
      <source>Restart now</source>
      <translation>Jetzt neu starten</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_preferences.py" line="153" />
      <source>There is no personal data to forget: the participant list is empty.</source>
      <translation>Es gibt keine personenbezogenen Daten zu vergessen: Die Teilnehmendenliste ist leer.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/console_preferences.py" line="181" />
      <source>Personal data forgotten: the session now lists people by number only, and its older versions are deleted. The speech log and the statistics are kept.</source>
      <translation>Personenbezogene Daten vergessen: Die Sitzung führt Personen nur noch mit Nummer, ihre älteren Fassungen sind gelöscht. Redeprotokoll und Statistik bleiben erhalten.</translation>
    </message>
  </context>
  <context>
    <name>ControlLinkBox</name>
    <message>
      <location filename="../../ui/room/room_control_box.py" line="21" />
      <location filename="../../ui/room/room_control_box.py" line="67" />
      <source>Show the control link and PIN</source>
      <translation>Steuerungslink und PIN zeigen</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_control_box.py" line="26" />
      <source>Only where the hall cannot see it: the control link runs the timer</source>
      <translation>Nur, wo der Saal es nicht sieht: Mit dem Steuerungslink lässt sich die Uhr bedienen</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_control_box.py" line="58" />
      <source>The projector uses this screen, so the hall would see the control link and PIN. Move this window to the laptop's own screen to show them.</source>
      <translation>Der Projektor nutzt diesen Bildschirm, der Saal sähe also Steuerungslink und PIN. Ziehen Sie dieses Fenster auf den Bildschirm des Laptops, um sie zu zeigen.</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_control_box.py" line="67" />
      <source>Hide the control link and PIN</source>
      <translation>Steuerungslink und PIN verbergen</translation>
    </message>
  </context>
  <context>
    <name>CsvExporter</name>
    <message>
      <location filename="../../ui/paper/csv_export.py" line="41" />
      <source>Participant list (CSV)…</source>
      <translation>Teilnehmendenliste (CSV)…</translation>
    </message>
    <message>
      <location filename="../../ui/paper/csv_export.py" line="42" />
      <source>Speech log (CSV)…</source>
      <translation>Redeprotokoll (CSV)…</translation>
    </message>
    <message>
      <location filename="../../ui/paper/csv_export.py" line="47" />
      <source>Internal participant list: every name, private notes (CSV)…</source>
      <translation>Interne Teilnehmendenliste: alle Namen, private Notizen (CSV)…</translation>
    </message>
    <message>
      <location filename="../../ui/paper/csv_export.py" line="50" />
      <source>Internal speech log: every name (CSV)…</source>
      <translation>Internes Redeprotokoll: alle Namen (CSV)…</translation>
    </message>
    <message>
      <location filename="../../ui/paper/csv_export.py" line="59" />
      <source>Save participant list</source>
      <translation>Teilnehmendenliste speichern</translation>
    </message>
    <message>
      <location filename="../../ui/paper/csv_export.py" line="60" />
      <source>participants-internal.csv</source>
      <translation>teilnehmende-intern.csv</translation>
    </message>
    <message>
      <location filename="../../ui/paper/csv_export.py" line="60" />
      <source>participants.csv</source>
      <translation>teilnehmende.csv</translation>
    </message>
    <message>
      <location filename="../../ui/paper/csv_export.py" line="74" />
      <source>Save speech log</source>
      <translation>Redeprotokoll speichern</translation>
    </message>
    <message>
      <location filename="../../ui/paper/csv_export.py" line="75" />
      <source>speech-log-internal.csv</source>
      <translation>redeprotokoll-intern.csv</translation>
    </message>
    <message>
      <location filename="../../ui/paper/csv_export.py" line="75" />
      <source>speech-log.csv</source>
      <translation>redeprotokoll.csv</translation>
    </message>
    <message>
      <location filename="../../ui/paper/csv_export.py" line="91" />
      <source>CSV files (*.csv)</source>
      <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
      <location filename="../../ui/paper/csv_export.py" line="103" />
      <source>Could not save {file}: {reason}</source>
      <translation>{file} konnte nicht gespeichert werden: {reason}</translation>
    </message>
    <message>
      <location filename="../../ui/paper/csv_export.py" line="106" />
      <source>Saved {file}</source>
      <translation>{file} gespeichert</translation>
    </message>
  </context>
  <context>
    <name>CsvImportDialog</name>
    <message>
      <location filename="../../ui/people/csv_import_dialog.py" line="75" />
      <source>Import participants from CSV</source>
      <translation>Teilnehmende aus CSV importieren</translation>
    </message>
    <message>
      <location filename="../../ui/people/csv_import_dialog.py" line="80" />
      <source>No file chosen</source>
      <translation>Keine Datei gewählt</translation>
    </message>
    <message>
      <location filename="../../ui/people/csv_import_dialog.py" line="81" />
      <source>Choose file…</source>
      <translation>Datei wählen…</translation>
    </message>
    <message>
      <location filename="../../ui/people/csv_import_dialog.py" line="90" />
      <source>Check which column holds what; the first row below sets it.</source>
      <translation>Prüfen Sie, welche Spalte was enthält; die erste Zeile unten legt es fest.</translation>
    </message>
    <message>
      <location filename="../../ui/people/csv_import_dialog.py" line="102" />
      <location filename="../../ui/people/csv_import_dialog.py" line="230" />
      <source>Checking rows: %v of %m</source>
      <translation>Zeilen werden geprüft: %v von %m</translation>
    </message>
    <message>
      <location filename="../../ui/people/csv_import_dialog.py" line="103" />
      <source>Cancel</source>
      <translation>Abbrechen</translation>
    </message>
    <message>
      <location filename="../../ui/people/csv_import_dialog.py" line="118" />
      <source>Import</source>
      <translation>Importieren</translation>
    </message>
    <message>
      <location filename="../../ui/people/csv_import_dialog.py" line="145" />
      <source>semicolon</source>
      <translation>Semikolon</translation>
    </message>
    <message>
      <location filename="../../ui/people/csv_import_dialog.py" line="145" />
      <source>comma</source>
      <translation>Komma</translation>
    </message>
    <message>
      <location filename="../../ui/people/csv_import_dialog.py" line="145" />
      <source>tab</source>
      <translation>Tabulator</translation>
    </message>
    <message>
      <location filename="../../ui/people/csv_import_dialog.py" line="150" />
      <source>Choose a CSV file</source>
      <translation>CSV-Datei wählen</translation>
    </message>
    <message>
      <location filename="../../ui/people/csv_import_dialog.py" line="152" />
      <source>CSV files (*.csv *.txt)</source>
      <translation>CSV-Dateien (*.csv *.txt)</translation>
    </message>
    <message>
      <location filename="../../ui/people/csv_import_dialog.py" line="152" />
      <source>All files (*)</source>
      <translation>Alle Dateien (*)</translation>
    </message>
    <message>
      <location filename="../../ui/people/csv_import_dialog.py" line="170" />
      <source>The file is larger than 30 MB; that is not a participant list.</source>
      <translation>Die Datei ist größer als 30 MB; das ist keine Teilnehmendenliste.</translation>
    </message>
    <message>
      <location filename="../../ui/people/csv_import_dialog.py" line="173" />
      <source>The file could not be opened: {reason}</source>
      <translation>Die Datei konnte nicht geöffnet werden: {reason}</translation>
    </message>
    <message>
      <location filename="../../ui/people/csv_import_dialog.py" line="179" />
      <source>Encoding: {encoding} · Delimiter: {delimiter} · {rows} rows with content</source>
      <translation>Kodierung: {encoding} · Trennzeichen: {delimiter} · {rows} Zeilen mit Inhalt</translation>
    </message>
    <message>
      <location filename="../../ui/people/csv_import_dialog.py" line="220" />
      <source>Choose the column with the names (or first and last name).</source>
      <translation>Wählen Sie die Spalte mit den Namen (oder Vor- und Nachname).</translation>
    </message>
    <message>
      <location filename="../../ui/people/csv_import_dialog.py" line="234" />
      <source>Checking {n} rows…</source>
      <translation>{n} Zeilen werden geprüft…</translation>
    </message>
    <message>
      <location filename="../../ui/people/csv_import_dialog.py" line="255" />
      <source>The import was cancelled; nothing was added.</source>
      <translation>Der Import wurde abgebrochen; niemand wurde hinzugefügt.</translation>
    </message>
    <message>
      <location filename="../../ui/people/csv_import_dialog.py" line="262" />
      <source>Checking was cancelled; nothing was imported.</source>
      <translation>Die Prüfung wurde abgebrochen; nichts wurde importiert.</translation>
    </message>
    <message>
      <location filename="../../ui/people/csv_import_dialog.py" line="275" />
      <source>Ready to import: {n}. To skip: {m}.</source>
      <translation>Bereit zum Import: {n}. Übersprungen: {m}.</translation>
    </message>
    <message>
      <location filename="../../ui/people/csv_import_dialog.py" line="277" />
      <source>Already on the list, with something new: {u}.</source>
      <translation>Schon auf der Liste, mit neuen Angaben: {u}.</translation>
    </message>
    <message>
      <location filename="../../ui/people/csv_import_dialog.py" line="279" />
      <source>Update these {u} people instead of adding them again</source>
      <translation>Diese {u} Personen aktualisieren, statt sie noch einmal anzulegen</translation>
    </message>
    <message>
      <location filename="../../ui/people/csv_import_dialog.py" line="296" />
      <source>{n} names hold “?” where a letter should be (row {row}: “{name}”): the file was saved in a format that cannot hold these letters. In Excel, save it again as “CSV UTF-8 (comma delimited)”; in LibreOffice, choose the character set “Unicode (UTF-8)”. Then choose the new file here.</source>
      <translation>{n} Namen enthalten „?“, wo ein Buchstabe stehen sollte (Zeile {row}: „{name}“): Die Datei wurde in einem Format gespeichert, das diese Buchstaben nicht kennt. Speichern Sie sie in Excel noch einmal als „CSV UTF-8 (durch Trennzeichen getrennt)“, in LibreOffice mit dem Zeichensatz „Unicode (UTF-8)“. Wählen Sie dann hier die neue Datei.</translation>
    </message>
    <message>
      <location filename="../../ui/people/csv_import_dialog.py" line="317" />
      <source>Import from {file} (+{n})</source>
      <translation>Import aus {file} (+{n})</translation>
    </message>
    <message>
      <location filename="../../ui/people/csv_import_dialog.py" line="322" />
      <source>Adding people: %v of %m</source>
      <translation>Personen werden hinzugefügt: %v von %m</translation>
    </message>
    <message>
      <location filename="../../ui/people/csv_import_dialog.py" line="334" />
      <location filename="../../ui/people/csv_import_dialog.py" line="364" />
      <source>The import was refused; nothing was added.</source>
      <translation>Der Import wurde abgelehnt; nichts wurde hinzugefügt.</translation>
    </message>
    <message>
      <location filename="../../ui/people/csv_import_dialog.py" line="377" />
      <source>{n} imported, {u} updated, {m} skipped.</source>
      <translation>{n} importiert, {u} aktualisiert, {m} übersprungen.</translation>
    </message>
    <message>
      <location filename="../../ui/people/csv_import_dialog.py" line="383" />
      <source>{n} imported, {m} skipped.</source>
      <translation>{n} importiert, {m} übersprungen.</translation>
    </message>
  </context>
  <context>
    <name>DataFolder</name>
    <message>
      <location filename="../../startup/data_folder.py" line="51" />
      <source>Fishbowl Desktop keeps its sessions, settings and autosaves in {folder}, but that folder is read-only ({reason}). Choose a folder where it can save this evening, or quit.</source>
      <translation>Fishbowl Desktop speichert Sitzungen, Einstellungen und automatische Sicherungen in {folder}, aber dieser Ordner ist schreibgeschützt ({reason}). Wählen Sie einen Ordner, in dem der Abend gespeichert werden kann, oder beenden Sie das Programm.</translation>
    </message>
    <message>
      <location filename="../../startup/data_folder.py" line="56" />
      <source>Fishbowl Desktop keeps its sessions, settings and autosaves in {folder}, but that folder cannot be used ({reason}). Choose a folder where it can save this evening, or quit.</source>
      <translation>Fishbowl Desktop speichert Sitzungen, Einstellungen und automatische Sicherungen in {folder}, aber dieser Ordner ist nicht verwendbar ({reason}). Wählen Sie einen Ordner, in dem der Abend gespeichert werden kann, oder beenden Sie das Programm.</translation>
    </message>
    <message>
      <location filename="../../startup/data_folder.py" line="66" />
      <source>Cannot save here</source>
      <translation>Hier kann nicht gespeichert werden</translation>
    </message>
    <message>
      <location filename="../../startup/data_folder.py" line="70" />
      <source>Choose a folder…</source>
      <translation>Ordner wählen …</translation>
    </message>
    <message>
      <location filename="../../startup/data_folder.py" line="72" />
      <source>Quit</source>
      <translation>Beenden</translation>
    </message>
    <message>
      <location filename="../../startup/data_folder.py" line="78" />
      <source>A folder for Fishbowl Desktop's files</source>
      <translation>Ein Ordner für die Dateien von Fishbowl Desktop</translation>
    </message>
  </context>
  <context>
    <name>DeskBox</name>
    <message>
      <location filename="../../ui/room/desk_box.py" line="24" />
      <source>AV desk (HTTP API, e.g. a Stream Deck through Companion)</source>
      <translation>Technikpult (HTTP-API, z. B. ein Stream Deck über Companion)</translation>
    </message>
    <message>
      <location filename="../../ui/room/desk_box.py" line="33" />
      <location filename="../../ui/room/desk_box.py" line="109" />
      <source>Show token</source>
      <translation>Token zeigen</translation>
    </message>
    <message>
      <location filename="../../ui/room/desk_box.py" line="35" />
      <source>Only where the hall cannot see it: the token runs the timer</source>
      <translation>Nur, wo der Saal es nicht sieht: Mit dem Token lässt sich die Uhr bedienen</translation>
    </message>
    <message>
      <location filename="../../ui/room/desk_box.py" line="40" />
      <source>New token</source>
      <translation>Neues Token</translation>
    </message>
    <message>
      <location filename="../../ui/room/desk_box.py" line="41" />
      <source>Only the desk's token changes; the phones' links and the PIN stay</source>
      <translation>Nur das Token des Pults ändert sich; die Links der Handys und die PIN bleiben</translation>
    </message>
    <message>
      <location filename="../../ui/room/desk_box.py" line="59" />
      <source>New lower-third link</source>
      <translation>Neuer Bauchbinden-Link</translation>
    </message>
    <message>
      <location filename="../../ui/room/desk_box.py" line="60" />
      <source>A browser source with the old link goes dark; the phones stay</source>
      <translation>Eine Browserquelle mit dem alten Link wird leer; die Handys bleiben verbunden</translation>
    </message>
    <message>
      <location filename="../../ui/room/desk_box.py" line="70" />
      <source>OSC and ontime</source>
      <translation>OSC und ontime</translation>
    </message>
    <message>
      <location filename="../../ui/room/desk_box.py" line="97" />
      <source>The projector uses this screen, so the hall would see the desk's token. Move this window to the laptop's own screen to show it.</source>
      <translation>Der Projektor nutzt diesen Bildschirm, der Saal sähe also das Token des Technikpults. Ziehen Sie dieses Fenster auf den Bildschirm des Laptops, um es zu zeigen.</translation>
    </message>
    <message>
      <location filename="../../ui/room/desk_box.py" line="106" />
      <source>GET {url} with the header Authorization: Bearer &lt;token&gt;</source>
      <translation>GET {url} mit dem Header Authorization: Bearer &lt;Token&gt;</translation>
    </message>
    <message>
      <location filename="../../ui/room/desk_box.py" line="109" />
      <source>Hide token</source>
      <translation>Token verbergen</translation>
    </message>
    <message>
      <location filename="../../ui/room/desk_box.py" line="113" />
      <source>Lower third for OBS or vMix (browser source, 1920×1080, transparent): {url} (add ?bg=green for a green background)</source>
      <translation>Bauchbinde für OBS oder vMix (Browserquelle, 1920×1080, transparent): {url} (?bg=green anhängen für grünen Hintergrund)</translation>
    </message>
  </context>
  <context>
    <name>DiscussionStrip</name>
    <message>
      <location filename="../../ui/timer/discussion_strip.py" line="23" />
      <source>Closed fishbowl</source>
      <translation>Geschlossene Fishbowl</translation>
    </message>
    <message>
      <location filename="../../ui/timer/discussion_strip.py" line="24" />
      <source>Open fishbowl</source>
      <translation>Offene Fishbowl</translation>
    </message>
    <message>
      <location filename="../../ui/timer/discussion_strip.py" line="25" />
      <source>Tap-out fishbowl</source>
      <translation>Tap-out-Fishbowl</translation>
    </message>
    <message>
      <location filename="../../ui/timer/discussion_strip.py" line="43" />
      <source>Discussion clock: starts with the first speaker</source>
      <translation>Diskussionsuhr: startet mit der ersten Person am Wort</translation>
    </message>
    <message>
      <location filename="../../ui/timer/discussion_strip.py" line="45" />
      <source>planned {planned}</source>
      <translation>geplant {planned}</translation>
    </message>
    <message>
      <location filename="../../ui/timer/discussion_strip.py" line="51" />
      <source>Discussion {run}</source>
      <translation>Diskussion {run}</translation>
    </message>
    <message>
      <location filename="../../ui/timer/discussion_strip.py" line="55" />
      <source>Discussion {run} of {planned}</source>
      <translation>Diskussion {run} von {planned}</translation>
    </message>
    <message>
      <location filename="../../ui/timer/discussion_strip.py" line="62" />
      <source>{left} left</source>
      <translation>noch {left}</translation>
    </message>
    <message>
      <location filename="../../ui/timer/discussion_strip.py" line="64" />
      <source>{over} over</source>
      <translation>{over} drüber</translation>
    </message>
    <message>
      <location filename="../../ui/timer/discussion_strip.py" line="68" />
      <source>{n} min behind plan</source>
      <translation>{n} Min. hinter dem Plan</translation>
    </message>
    <message>
      <location filename="../../ui/timer/discussion_strip.py" line="70" />
      <source>{n} min ahead of plan</source>
      <translation>{n} Min. vor dem Plan</translation>
    </message>
    <message>
      <location filename="../../ui/timer/discussion_strip.py" line="72" />
      <source>on plan</source>
      <translation>im Plan</translation>
    </message>
    <message>
      <location filename="../../ui/timer/discussion_strip.py" line="74" />
      <source>paused</source>
      <translation>pausiert</translation>
    </message>
    <message>
      <location filename="../../ui/timer/discussion_strip.py" line="85" />
      <source>{n} waiting, and the discussion's time is up</source>
      <translation>{n} warten, und die Diskussionszeit ist um</translation>
    </message>
    <message>
      <location filename="../../ui/timer/discussion_strip.py" line="88" />
      <source>{n} waiting × {turn} &gt; {left} min left</source>
      <translation>{n} warten × {turn} &gt; noch {left} Min.</translation>
    </message>
    <message>
      <location filename="../../ui/timer/discussion_strip.py" line="112" />
      <source>Pause the discussion's clock for a break; the next speaker's start runs it again (Ctrl+Shift+D)</source>
      <translation>Die Diskussionsuhr für eine Pause anhalten; der Start der nächsten Redezeit lässt sie weiterlaufen (Strg+Umschalt+D)</translation>
    </message>
    <message>
      <location filename="../../ui/timer/discussion_strip.py" line="116" />
      <location filename="../../ui/timer/discussion_strip.py" line="171" />
      <source>Run</source>
      <translation>Weiter</translation>
    </message>
    <message>
      <location filename="../../ui/timer/discussion_strip.py" line="116" />
      <location filename="../../ui/timer/discussion_strip.py" line="171" />
      <source>Pause</source>
      <translation>Pause</translation>
    </message>
  </context>
  <context>
    <name>EquityBox</name>
    <message>
      <location filename="../../ui/people/equity_box.py" line="53" />
      <source>Share of the free chair by group</source>
      <translation>Anteile am freien Stuhl nach Gruppe</translation>
    </message>
    <message>
      <location filename="../../ui/people/equity_box.py" line="58" />
      <source>Nobody has asked for the free chair yet.</source>
      <translation>Noch hat niemand nach dem freien Stuhl gefragt.</translation>
    </message>
    <message>
      <location filename="../../ui/people/equity_box.py" line="131" />
      <source>no group</source>
      <translation>ohne Gruppe</translation>
    </message>
    <message>
      <location filename="../../ui/people/equity_box.py" line="161" />
      <location filename="../../ui/people/equity_box.py" line="194" />
      <source>Group</source>
      <translation>Gruppe</translation>
    </message>
    <message>
      <location filename="../../ui/people/equity_box.py" line="161" />
      <source>List</source>
      <translation>Liste</translation>
    </message>
    <message>
      <location filename="../../ui/people/equity_box.py" line="161" />
      <source>Asked</source>
      <translation>Gefragt</translation>
    </message>
    <message>
      <location filename="../../ui/people/equity_box.py" line="161" />
      <source>Turns</source>
      <translation>Beiträge</translation>
    </message>
    <message>
      <location filename="../../ui/people/equity_box.py" line="161" />
      <source>Time</source>
      <translation>Zeit</translation>
    </message>
    <message>
      <location filename="../../ui/people/equity_box.py" line="165" />
      <source>{count} of {total}</source>
      <translation>{count} von {total}</translation>
    </message>
    <message>
      <location filename="../../ui/people/equity_box.py" line="194" />
      <source>Wait</source>
      <translation>Warten</translation>
    </message>
    <message>
      <location filename="../../ui/people/equity_box.py" line="194" />
      <source>Withdrawn</source>
      <translation>Rückzug</translation>
    </message>
    <message>
      <location filename="../../ui/people/equity_box.py" line="194" />
      <source>Declined</source>
      <translation>Abgelehnt</translation>
    </message>
    <message>
      <location filename="../../ui/people/equity_box.py" line="201" />
      <source>Median wait; longest {time}</source>
      <translation>Wartezeit (Median); längste {time}</translation>
    </message>
    <message>
      <location filename="../../ui/people/equity_box.py" line="209" />
      <source>List: the audience on the participant list ({n}); the app cannot know who really came or left.</source>
      <translation>Liste: das Publikum auf der Teilnehmendenliste ({n}); wer wirklich kam oder ging, weiß das Programm nicht.</translation>
    </message>
    <message>
      <location filename="../../ui/people/equity_box.py" line="211" />
      <source>Asked: joined the queue (each person once), plus declined phone requests.</source>
      <translation>Gefragt: hat sich angestellt (jede Person einmal), dazu abgelehnte Anfragen vom Handy.</translation>
    </message>
    <message>
      <location filename="../../ui/people/equity_box.py" line="212" />
      <source>Turns and time: the free chair only.</source>
      <translation>Beiträge und Zeit: nur der freie Stuhl.</translation>
    </message>
    <message>
      <location filename="../../ui/people/equity_box.py" line="216" />
      <source>First-time speakers: {first} of {turns} free-chair turns.</source>
      <translation>Zum ersten Mal gesprochen: {first} von {turns} Beiträgen vom freien Stuhl.</translation>
    </message>
    <message>
      <location filename="../../ui/people/equity_box.py" line="221" />
      <source>No groups are entered: everyone counts as “no group”.</source>
      <translation>Keine Gruppen eingetragen: alle zählen als „ohne Gruppe“.</translation>
    </message>
    <message>
      <location filename="../../ui/people/equity_box.py" line="223" />
      <source>“no group”: people without a group, a row of their own.</source>
      <translation>„ohne Gruppe“: Personen ohne Gruppe, in einer eigenen Zeile.</translation>
    </message>
    <message>
      <location filename="../../ui/people/equity_box.py" line="226" />
      <source>{mark} fewer than {n} people: the share says little.</source>
      <translation>{mark} weniger als {n} Personen: der Anteil sagt wenig.</translation>
    </message>
    <message>
      <location filename="../../ui/people/equity_box.py" line="230" />
      <source>Only {n} turns so far (under {limit}): one turn moves a share by {points} points.</source>
      <translation>Erst {n} Beiträge (unter {limit}): ein Beitrag verschiebt einen Anteil um {points} Punkte.</translation>
    </message>
    <message>
      <location filename="../../ui/people/equity_box.py" line="236" />
      <source>{n} free-chair turns by people seated without joining the queue.</source>
      <translation>{n} Beiträge vom freien Stuhl von Personen, die sich nicht angestellt hatten.</translation>
    </message>
    <message>
      <location filename="../../ui/people/equity_box.py" line="241" />
      <source>No request recorded yet: waits, withdrawals and declines are missing.</source>
      <translation>Noch keine Anfrage aufgezeichnet: Wartezeiten, Rückzüge und Ablehnungen fehlen.</translation>
    </message>
  </context>
  <context>
    <name>EventDialog</name>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="76" />
      <source>Event and fishbowl settings</source>
      <translation>Veranstaltung und Fishbowl-Einstellungen</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="110" />
      <source>Date</source>
      <translation>Datum</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="118" />
      <source>Time</source>
      <translation>Zeit</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="133" />
      <source>The projector's few labels (next, time is up, paused, the countdown) in this language too</source>
      <translation>Die wenigen Beschriftungen der Leinwand (als Nächstes, Zeit ist um, Pause, Countdown) auch in dieser Sprache</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="135" />
      <source>None</source>
      <translation>Keine</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="149" />
      <source>&amp;Title</source>
      <translation>&amp;Titel</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="151" />
      <source>&amp;Venue</source>
      <translation>&amp;Ort</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="152" />
      <source>&amp;Address</source>
      <translation>&amp;Adresse</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="153" />
      <source>&amp;Organiser</source>
      <translation>&amp;Veranstalter</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="154" />
      <source>&amp;Language of handout and projector</source>
      <translation>&amp;Sprache von Handzettel und Projektor</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="155" />
      <source>&amp;Second language on the projector</source>
      <translation>&amp;Zweite Sprache auf der Leinwand</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="156" />
      <source>&amp;Description</source>
      <translation>&amp;Beschreibung</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="164" />
      <source>One question per line</source>
      <translation>Eine Frage pro Zeile</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="166" />
      <source>Agenda item</source>
      <translation>Programmpunkt</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="166" />
      <source>Minutes</source>
      <translation>Minuten</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="171" />
      <source>Add item</source>
      <translation>Punkt hinzufügen</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="173" />
      <source>Remove item</source>
      <translation>Punkt entfernen</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="180" />
      <source>Guiding questions</source>
      <translation>Leitfragen</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="182" />
      <source>Agenda</source>
      <translation>Ablauf</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="199" />
      <source>Experts stay; only the free chair rotates</source>
      <translation>Das Podium bleibt; nur der freie Stuhl wechselt</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="200" />
      <source>Open: anyone but the moderator may be replaced</source>
      <translation>Offen: alle außer der Moderation können abgelöst werden</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="203" />
      <source>Closed: nobody, the audience listens</source>
      <translation>Geschlossen: niemand, das Publikum hört zu</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="204" />
      <source>Open: through a free chair</source>
      <translation>Offen: über einen freien Stuhl</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="205" />
      <source>Tap-out: by replacing a speaker</source>
      <translation>Tap-out: indem man jemanden ablöst</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="209" />
      <source> min</source>
      <translation> Min.</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="213" />
      <source>from the agenda ({n} min)</source>
      <translation>aus dem Ablauf ({n} Min.)</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="213" />
      <source>no plan</source>
      <translation>kein Plan</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="217" />
      <source>How long the whole discussion is planned to run: the console counts down to it and warns when the queue cannot fit. 0 takes the agenda's minutes.</source>
      <translation>Wie lange die ganze Diskussion dauern soll: Die Konsole zählt darauf herunter und warnt, wenn die Warteliste nicht mehr hineinpasst. 0 nimmt die Minuten des Ablaufs.</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="221" />
      <source>Show the discussion's time left on the projector and phones</source>
      <translation>Die verbleibende Diskussionszeit auf Leinwand und Handys zeigen</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="227" />
      <source> s</source>
      <translation> s</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="228" />
      <source>Start the time of the next free-chair speaker at once</source>
      <translation>Die Redezeit der nächsten Person auf dem freien Stuhl sofort starten</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="235" />
      <source>Once told “you are next”, nobody is pushed down: no later arrival and no ordering rule takes these first places of the queue. A person moved by hand keeps their place too.</source>
      <translation>Wer gehört hat „Sie sind als Nächste dran“, rutscht nicht mehr nach hinten: Niemand, der später kommt, und keine Reihenfolge-Regel nimmt diese ersten Plätze der Warteliste. Wer von Hand verschoben wurde, behält den Platz ebenfalls.</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="242" />
      <source>Choose and sort…</source>
      <translation>Wählen und sortieren…</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="248" />
      <source>Panel seats</source>
      <translation>Podiumsplätze</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="249" />
      <source>Free chairs</source>
      <translation>Freie Stühle</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="254" />
      <source>Speaking time, panel</source>
      <translation>Redezeit Podium</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="255" />
      <source>Speaking time, free chair</source>
      <translation>Redezeit freier Stuhl</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="256" />
      <source>Warning before the end</source>
      <translation>Hinweis vor dem Ende</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="258" />
      <source>Safe places at the head of the queue</source>
      <translation>Feste Plätze vorn in der Warteliste</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="259" />
      <source>Order of the queue</source>
      <translation>Reihenfolge der Warteliste</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="268" />
      <source>What the organisers should read in the report: how the evening went, what to follow up.</source>
      <translation>Was das Organisationsteam im Bericht lesen soll: wie der Abend lief, was nachzuhalten ist.</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="271" />
      <source>Printed in the event report (not on the handout or the projector).</source>
      <translation>Erscheint im Veranstaltungsbericht (nicht auf dem Handzettel, nicht am Projektor).</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="280" />
      <source>e.g. Partnerschaft für Demokratie Hannover</source>
      <translation>z. B. Partnerschaft für Demokratie Hannover</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="285" />
      <source>Leave empty for the standard notice (Art. 13 GDPR) in the language of the documents: the organiser is responsible, the list proves attendance to the funding body, it is kept locked away and destroyed after the retention period, and people's rights.</source>
      <translation>Leer lassen für den Standardhinweis (Art. 13 DSGVO) in der Sprache der Dokumente: Der Veranstalter ist verantwortlich, die Liste dient dem Nachweis gegenüber dem Zuwendungsgeber, sie wird verschlossen aufbewahrt und nach Ablauf der Aufbewahrungsfrist vernichtet, dazu die Rechte der Betroffenen.</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="291" />
      <source>&amp;Project or funding programme</source>
      <translation>&amp;Projekt oder Förderprogramm</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="292" />
      <source>&amp;Funding reference</source>
      <translation>&amp;Förderkennzeichen</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="293" />
      <source>&amp;Privacy notice on the sign-in sheet</source>
      <translation>&amp;Datenschutzhinweis auf der Teilnahmeliste</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="87" />
      <source>Event</source>
      <translation>Veranstaltung</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="88" />
      <source>Questions and agenda</source>
      <translation>Fragen und Ablauf</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="89" />
      <source>Circle and time</source>
      <translation>Runde und Redezeit</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="90" />
      <source>Report notes</source>
      <translation>Notizen für den Bericht</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="91" />
      <source>Funding and privacy</source>
      <translation>Förderung und Datenschutz</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="250" />
      <source>Who may be replaced</source>
      <translation>Wer abgelöst werden darf</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="251" />
      <source>The audience comes in</source>
      <translation>Das Publikum kommt herein</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="252" />
      <source>Planned length of the discussion</source>
      <translation>Geplante Dauer der Diskussion</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="413" />
      <source>Edit the event</source>
      <translation>Veranstaltung bearbeiten</translation>
    </message>
    <message>
      <location filename="../../ui/event/event_dialog.py" line="417" />
      <source>The changes could not be applied.</source>
      <translation>Die Änderungen konnten nicht übernommen werden.</translation>
    </message>
  </context>
  <context>
    <name>ForgetDataDialog</name>
    <message>
      <location filename="../../ui/shell/privacy_dialog.py" line="29" />
      <location filename="../../ui/shell/privacy_dialog.py" line="64" />
      <source>Forget personal data</source>
      <translation>Personenbezogene Daten vergessen</translation>
    </message>
    <message>
      <location filename="../../ui/shell/privacy_dialog.py" line="32" />
      <source>&lt;p&gt;&lt;b&gt;This cannot be undone.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;The names, organisations, bios and private notes of all {n} people in this session are deleted; they become “Person 1”, “Person 2” … Consent to be listed is withdrawn. Roles and groups stay.&lt;/p&gt;&lt;p&gt;The speech log, the anonymous statistics and the report stay. The session is saved at once and its older versions ({file}.bak1 to .bak3) are deleted.&lt;/p&gt;&lt;p&gt;Copies saved elsewhere (Save as…) and PDFs printed earlier are not changed.&lt;/p&gt;</source>
      <translation>&lt;p&gt;&lt;b&gt;Das lässt sich nicht rückgängig machen.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Namen, Organisationen, Kurzbiografien und private Notizen aller {n} Personen dieser Sitzung werden gelöscht; aus ihnen werden „Teilnehmer*in 1“, „Teilnehmer*in 2“ … Die Einwilligung, genannt zu werden, entfällt. Rollen und Gruppen bleiben.&lt;/p&gt;&lt;p&gt;Redeprotokoll, anonyme Statistik und Bericht bleiben erhalten. Die Sitzung wird sofort gespeichert, ihre älteren Fassungen ({file}.bak1 bis .bak3) werden gelöscht.&lt;/p&gt;&lt;p&gt;Anderswo gespeicherte Kopien (Speichern unter…) und früher erstellte PDFs bleiben unverändert.&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../../ui/shell/privacy_dialog.py" line="49" />
      <source>&lt;p&gt;The projector message is cleared. The event's own texts stay, and every name from the list in them becomes its number; this is how they will read. A name typed differently (a nickname, another spelling) is not recognised: change it under Event and fishbowl settings (Ctrl+,) first.&lt;/p&gt;</source>
      <translation>&lt;p&gt;Die Projektor-Nachricht wird gelöscht. Die Texte der Veranstaltung bleiben; jeder Name aus der Liste wird darin durch seine Nummer ersetzt – so werden sie danach lauten. Anders geschriebene Namen (ein Spitzname, eine andere Schreibweise) werden nicht erkannt: Ändern Sie sie vorher unter Veranstaltung und Fishbowl-Einstellungen (Strg+,).&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../../ui/shell/privacy_dialog.py" line="76" />
      <source>Title</source>
      <translation>Titel</translation>
    </message>
    <message>
      <location filename="../../ui/shell/privacy_dialog.py" line="77" />
      <source>Description</source>
      <translation>Beschreibung</translation>
    </message>
    <message>
      <location filename="../../ui/shell/privacy_dialog.py" line="78" />
      <source>Guiding question</source>
      <translation>Leitfrage</translation>
    </message>
    <message>
      <location filename="../../ui/shell/privacy_dialog.py" line="79" />
      <source>Agenda item</source>
      <translation>Programmpunkt</translation>
    </message>
    <message>
      <location filename="../../ui/shell/privacy_dialog.py" line="80" />
      <source>Report notes</source>
      <translation>Notizen für den Bericht</translation>
    </message>
  </context>
  <context>
    <name>FormatMenu</name>
    <message>
      <location filename="../../ui/shell/format_menu.py" line="38" />
      <source>&amp;Closed: the audience listens</source>
      <translation>&amp;Geschlossen: Das Publikum hört zu</translation>
    </message>
    <message>
      <location filename="../../ui/shell/format_menu.py" line="39" />
      <source>&amp;Open: a free chair for the audience</source>
      <translation>&amp;Offen: ein freier Stuhl für das Publikum</translation>
    </message>
    <message>
      <location filename="../../ui/shell/format_menu.py" line="40" />
      <source>&amp;Tap-out: a newcomer replaces a speaker</source>
      <translation>&amp;Tap-out: Eine neue Person löst jemanden ab</translation>
    </message>
    <message>
      <location filename="../../ui/shell/format_menu.py" line="47" />
      <source>Tap &amp;out: whom does the next person replace?</source>
      <translation>Tap-&amp;out: Wen löst die nächste Person ab?</translation>
    </message>
    <message>
      <location filename="../../ui/shell/format_menu.py" line="73" />
      <source>Whom does {name} replace?</source>
      <translation>Wen löst {name} ab?</translation>
    </message>
    <message>
      <location filename="../../ui/shell/format_menu.py" line="78" />
      <source>empty seat</source>
      <translation>freier Platz</translation>
    </message>
    <message>
      <location filename="../../ui/shell/format_menu.py" line="80" />
      <source>{n}  {who}</source>
      <translation>{n}  {who}</translation>
    </message>
    <message>
      <location filename="../../ui/shell/format_menu.py" line="84" />
      <source>No seat {name} may take</source>
      <translation>Kein Platz, den {name} einnehmen darf</translation>
    </message>
  </context>
  <context>
    <name>ImportPreview</name>
    <message>
      <location filename="../../ui/people/import_preview.py" line="30" />
      <source>Name (full)</source>
      <translation>Name (vollständig)</translation>
    </message>
    <message>
      <location filename="../../ui/people/import_preview.py" line="31" />
      <source>First name</source>
      <translation>Vorname</translation>
    </message>
    <message>
      <location filename="../../ui/people/import_preview.py" line="32" />
      <source>Last name</source>
      <translation>Nachname</translation>
    </message>
    <message>
      <location filename="../../ui/people/import_preview.py" line="33" />
      <source>Role</source>
      <translation>Rolle</translation>
    </message>
    <message>
      <location filename="../../ui/people/import_preview.py" line="34" />
      <source>Organisation</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <location filename="../../ui/people/import_preview.py" line="35" />
      <source>Residence / postcode</source>
      <translation>Wohnort / PLZ</translation>
    </message>
    <message>
      <location filename="../../ui/people/import_preview.py" line="36" />
      <source>Group</source>
      <translation>Gruppe</translation>
    </message>
    <message>
      <location filename="../../ui/people/import_preview.py" line="37" />
      <source>Consent</source>
      <translation>Einwilligung</translation>
    </message>
    <message>
      <location filename="../../ui/people/import_preview.py" line="38" />
      <source>Bio</source>
      <translation>Kurzbio</translation>
    </message>
    <message>
      <location filename="../../ui/people/import_preview.py" line="39" />
      <source>Private notes</source>
      <translation>Private Notizen</translation>
    </message>
    <message>
      <location filename="../../ui/people/import_preview.py" line="40" />
      <source>Language (for interpreters)</source>
      <translation>Sprache (für Dolmetschende)</translation>
    </message>
    <message>
      <location filename="../../ui/people/import_preview.py" line="57" />
      <source>— ignore —</source>
      <translation>— ignorieren —</translation>
    </message>
  </context>
  <context>
    <name>ImportReport</name>
    <message>
      <location filename="../../ui/people/import_report.py" line="23" />
      <source>no name</source>
      <translation>kein Name</translation>
    </message>
    <message>
      <location filename="../../ui/people/import_report.py" line="24" />
      <source>name longer than {limit} characters</source>
      <translation>Name länger als {limit} Zeichen</translation>
    </message>
    <message>
      <location filename="../../ui/people/import_report.py" line="25" />
      <source>organisation longer than {limit} characters</source>
      <translation>Organisation länger als {limit} Zeichen</translation>
    </message>
    <message>
      <location filename="../../ui/people/import_report.py" line="26" />
      <source>language longer than {limit} characters</source>
      <translation>Sprache länger als {limit} Zeichen</translation>
    </message>
    <message>
      <location filename="../../ui/people/import_report.py" line="27" />
      <source>unknown role “{value}” (use Moderation, Podium or Publikum)</source>
      <translation>unbekannte Rolle „{value}“ (bitte Moderation, Podium oder Publikum)</translation>
    </message>
    <message>
      <location filename="../../ui/people/import_report.py" line="28" />
      <source>unclear consent “{value}” (use ja or nein)</source>
      <translation>unklare Einwilligung „{value}“ (bitte ja oder nein)</translation>
    </message>
    <message>
      <location filename="../../ui/people/import_report.py" line="29" />
      <source>{who} is already on the participant list</source>
      <translation>{who} steht schon auf der Teilnehmendenliste</translation>
    </message>
    <message>
      <location filename="../../ui/people/import_report.py" line="30" />
      <source>{who} already appears in row {row}</source>
      <translation>{who} steht schon in Zeile {row}</translation>
    </message>
    <message>
      <location filename="../../ui/people/import_report.py" line="41" />
      <source>Row {row}: {reason}</source>
      <translation>Zeile {row}: {reason}</translation>
    </message>
    <message>
      <location filename="../../ui/people/import_report.py" line="50" />
      <source>Row {row}: updates {name} (on the list as “{old}”)</source>
      <translation>Zeile {row}: aktualisiert {name} (auf der Liste als „{old}“)</translation>
    </message>
    <message>
      <location filename="../../ui/people/import_report.py" line="55" />
      <source>Row {row}: updates {name}, already on the list</source>
      <translation>Zeile {row}: aktualisiert {name}, schon auf der Liste</translation>
    </message>
    <message>
      <location filename="../../ui/people/import_report.py" line="61" />
      <source>… and {n} more</source>
      <translation>… und {n} weitere</translation>
    </message>
  </context>
  <context>
    <name>KeyLegends</name>
    <message>
      <location filename="../../ui/shell/key_legends.py" line="14" />
      <location filename="../../ui/shell/key_legends.py" line="15" />
      <source>Enter</source>
      <translation>Enter</translation>
    </message>
    <message>
      <location filename="../../ui/shell/key_legends.py" line="16" />
      <source>Page ↓</source>
      <translation>Bild ↓</translation>
    </message>
    <message>
      <location filename="../../ui/shell/key_legends.py" line="17" />
      <source>Page ↑</source>
      <translation>Bild ↑</translation>
    </message>
    <message>
      <location filename="../../ui/shell/key_legends.py" line="18" />
      <source>Del</source>
      <translation>Entf</translation>
    </message>
    <message>
      <location filename="../../ui/shell/key_legends.py" line="19" />
      <source>Ins</source>
      <translation>Einfg</translation>
    </message>
    <message>
      <location filename="../../ui/shell/key_legends.py" line="20" />
      <source>Space</source>
      <translation>Leertaste</translation>
    </message>
    <message>
      <location filename="../../ui/shell/key_legends.py" line="21" />
      <source>Backspace</source>
      <translation>Rücktaste</translation>
    </message>
    <message>
      <location filename="../../ui/shell/key_legends.py" line="22" />
      <source>Ctrl</source>
      <translation>Strg</translation>
    </message>
    <message>
      <location filename="../../ui/shell/key_legends.py" line="23" />
      <source>Shift</source>
      <translation>Umschalt</translation>
    </message>
  </context>
  <context>
    <name>LogoPicker</name>
    <message>
      <location filename="../../ui/paper/logo_picker.py" line="41" />
      <source>C&amp;hoose…</source>
      <translation>&amp;Auswählen…</translation>
    </message>
    <message>
      <location filename="../../ui/paper/logo_picker.py" line="42" />
      <source>Re&amp;move</source>
      <translation>Ent&amp;fernen</translation>
    </message>
    <message>
      <location filename="../../ui/paper/logo_picker.py" line="82" />
      <source>Choose a logo</source>
      <translation>Logo auswählen</translation>
    </message>
    <message>
      <location filename="../../ui/paper/logo_picker.py" line="84" />
      <source>Images (*.png *.jpg *.jpeg *.svg)</source>
      <translation>Bilder (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
    <message>
      <location filename="../../ui/paper/logo_picker.py" line="102" />
      <source>The logo {name} cannot be drawn: the file is damaged.</source>
      <translation>Das Logo {name} lässt sich nicht darstellen: die Datei ist beschädigt.</translation>
    </message>
    <message>
      <location filename="../../ui/paper/logo_picker.py" line="125" />
      <source>No logo</source>
      <translation>Kein Logo</translation>
    </message>
    <message>
      <location filename="../../ui/paper/logo_picker.py" line="37" />
      <source>The handout and the sheet print without a logo.</source>
      <translation>Handzettel und Liste werden ohne Logo gedruckt.</translation>
    </message>
  </context>
  <context>
    <name>MessageBar</name>
    <message>
      <location filename="../../ui/shell/message_bar.py" line="53" />
      <source>Close this message</source>
      <translation>Diese Meldung schließen</translation>
    </message>
  </context>
  <context>
    <name>OntimeBox</name>
    <message>
      <location filename="../../ui/room/ontime_box.py" line="18" />
      <source>Show the turn in ontime</source>
      <translation>Redebeitrag in ontime zeigen</translation>
    </message>
    <message>
      <location filename="../../ui/room/ontime_box.py" line="21" />
      <source>ontime's address</source>
      <translation>Adresse von ontime</translation>
    </message>
    <message>
      <location filename="../../ui/room/ontime_box.py" line="23" />
      <source>the entry's ID in ontime</source>
      <translation>ID des Eintrags in ontime</translation>
    </message>
    <message>
      <location filename="../../ui/room/ontime_box.py" line="24" />
      <source>ontime entry ID</source>
      <translation>ontime-Eintrags-ID</translation>
    </message>
    <message>
      <location filename="../../ui/room/ontime_box.py" line="52" />
      <source>“{text}” is not an address like http://192.168.1.10:4001.</source>
      <translation>„{text}“ ist keine Adresse wie http://192.168.1.10:4001.</translation>
    </message>
    <message>
      <location filename="../../ui/room/ontime_box.py" line="54" />
      <source>Enter the ID of the fishbowl's entry in ontime (letters, digits, - and _).</source>
      <translation>Die ID des Fishbowl-Eintrags in ontime eingeben (Buchstaben, Ziffern, - und _).</translation>
    </message>
    <message>
      <location filename="../../ui/room/ontime_box.py" line="66" />
      <source>The bridge works, but its settings could not be kept: {reason}</source>
      <translation>Die Verbindung läuft, aber die Einstellungen ließen sich nicht speichern: {reason}</translation>
    </message>
    <message>
      <location filename="../../ui/room/ontime_box.py" line="76" />
      <source>ontime bridge is off.</source>
      <translation>Verbindung zu ontime ist aus.</translation>
    </message>
    <message>
      <location filename="../../ui/room/ontime_box.py" line="78" />
      <source>ontime does not answer: {reason}. Trying again.</source>
      <translation>ontime antwortet nicht: {reason}. Neuer Versuch folgt.</translation>
    </message>
    <message>
      <location filename="../../ui/room/ontime_box.py" line="80" />
      <source>ontime shows the turn ({n} requests sent).</source>
      <translation>ontime zeigt den Redebeitrag ({n} Anfragen gesendet).</translation>
    </message>
  </context>
  <context>
    <name>OscBox</name>
    <message>
      <location filename="../../ui/room/osc_box.py" line="30" />
      <source>OSC (UDP) for lighting and video desks</source>
      <translation>OSC (UDP) für Licht- und Videopulte</translation>
    </message>
    <message>
      <location filename="../../ui/room/osc_box.py" line="32" />
      <source>OSC port</source>
      <translation>OSC-Port</translation>
    </message>
    <message>
      <location filename="../../ui/room/osc_box.py" line="34" />
      <source>the desk's IP address, e.g. 192.168.1.20</source>
      <translation>IP-Adresse des Pults, z. B. 192.168.1.20</translation>
    </message>
    <message>
      <location filename="../../ui/room/osc_box.py" line="35" />
      <source>Send the state to</source>
      <translation>Zustand senden an</translation>
    </message>
    <message>
      <location filename="../../ui/room/osc_box.py" line="37" />
      <source>The desk's OSC port</source>
      <translation>OSC-Port des Pults</translation>
    </message>
    <message>
      <location filename="../../ui/room/osc_box.py" line="39" />
      <source>IP addresses or networks, e.g. 192.168.1.20, 192.168.1.0/24</source>
      <translation>IP-Adressen oder Netze, z. B. 192.168.1.20, 192.168.1.0/24</translation>
    </message>
    <message>
      <location filename="../../ui/room/osc_box.py" line="40" />
      <source>Commands only from</source>
      <translation>Befehle nur von</translation>
    </message>
    <message>
      <location filename="../../ui/room/osc_box.py" line="53" />
      <source>Listen on UDP port:</source>
      <translation>Auf UDP-Port hören:</translation>
    </message>
    <message>
      <location filename="../../ui/room/osc_box.py" line="55" />
      <source>Send the state to:</source>
      <translation>Zustand senden an:</translation>
    </message>
    <message>
      <location filename="../../ui/room/osc_box.py" line="58" />
      <source>Commands only from:</source>
      <translation>Befehle nur von:</translation>
    </message>
    <message>
      <location filename="../../ui/room/osc_box.py" line="88" />
      <source>“{text}” is not an IPv4 address the state can go to.</source>
      <translation>„{text}“ ist keine IPv4-Adresse, an die der Zustand gehen kann.</translation>
    </message>
    <message>
      <location filename="../../ui/room/osc_box.py" line="93" />
      <source>“{text}” is not an IP address or network (e.g. 192.168.1.0/24).</source>
      <translation>„{text}“ ist keine IP-Adresse und kein Netz (z. B. 192.168.1.0/24).</translation>
    </message>
    <message>
      <location filename="../../ui/room/osc_box.py" line="106" />
      <source>OSC works, but its settings could not be kept: {reason}</source>
      <translation>OSC läuft, aber die Einstellungen ließen sich nicht speichern: {reason}</translation>
    </message>
    <message>
      <location filename="../../ui/room/osc_box.py" line="115" />
      <source>UDP port {port} is in use by another program: choose another port.</source>
      <translation>UDP-Port {port} wird von einem anderen Programm benutzt: bitte einen anderen Port wählen.</translation>
    </message>
    <message>
      <location filename="../../ui/room/osc_box.py" line="117" />
      <source>UDP port {port} may not be used here: choose another port.</source>
      <translation>UDP-Port {port} darf hier nicht benutzt werden: bitte einen anderen Port wählen.</translation>
    </message>
    <message>
      <location filename="../../ui/room/osc_box.py" line="118" />
      <source>OSC cannot listen on UDP port {port}: {reason}</source>
      <translation>OSC kann nicht auf UDP-Port {port} hören: {reason}</translation>
    </message>
    <message>
      <location filename="../../ui/room/osc_box.py" line="126" />
      <source>OSC is off.</source>
      <translation>OSC ist aus.</translation>
    </message>
    <message>
      <location filename="../../ui/room/osc_box.py" line="128" />
      <source>Listening on UDP port {port}.</source>
      <translation>Hört auf UDP-Port {port}.</translation>
    </message>
    <message>
      <location filename="../../ui/room/osc_box.py" line="130" />
      <source>Sending to {target}:{port}.</source>
      <translation>Sendet an {target}:{port}.</translation>
    </message>
    <message>
      <location filename="../../ui/room/osc_box.py" line="132" />
      <source>Sending nothing (no desk address).</source>
      <translation>Sendet nichts (keine Pult-Adresse).</translation>
    </message>
    <message>
      <location filename="../../ui/room/osc_box.py" line="134" />
      <source>Commands from nobody yet: add the desk's address.</source>
      <translation>Noch von niemandem Befehle: die Adresse des Pults eintragen.</translation>
    </message>
    <message>
      <location filename="../../ui/room/osc_box.py" line="141" />
      <source>{n} commands taken.</source>
      <translation>{n} Befehle angenommen.</translation>
    </message>
    <message>
      <location filename="../../ui/room/osc_box.py" line="144" />
      <source>{n} ignored, last from {address} (not allowed).</source>
      <translation>{n} ignoriert, zuletzt von {address} (nicht erlaubt).</translation>
    </message>
    <message>
      <location filename="../../ui/room/osc_box.py" line="149" />
      <source>{n} refused: too many a second.</source>
      <translation>{n} abgewiesen: zu viele pro Sekunde.</translation>
    </message>
    <message>
      <location filename="../../ui/room/osc_box.py" line="151" />
      <source>{n} not understood.</source>
      <translation>{n} nicht verstanden.</translation>
    </message>
    <message>
      <location filename="../../ui/room/osc_box.py" line="153" />
      <source>Sending fails: {reason}</source>
      <translation>Senden schlägt fehl: {reason}</translation>
    </message>
  </context>
  <context>
    <name>OwnerQuestion</name>
    <message>
      <location filename="../../ui/shell/owner_question.py" line="23" />
      <source>Session already open</source>
      <translation>Sitzung bereits geöffnet</translation>
    </message>
    <message>
      <location filename="../../ui/shell/owner_question.py" line="24" />
      <source>{file} is already open in another Fishbowl Desktop window.</source>
      <translation>{file} ist bereits in einem anderen Fenster von Fishbowl Desktop geöffnet.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/owner_question.py" line="27" />
      <source>{file} is open in Fishbowl Desktop on another computer ({host}).</source>
      <translation>{file} ist in Fishbowl Desktop auf einem anderen Computer geöffnet ({host}).</translation>
    </message>
    <message>
      <location filename="../../ui/shell/owner_question.py" line="33" />
      <source>It was opened there by process {pid}, and this computer cannot ask whether it still runs. Two windows on one file would overwrite each other's changes. If the program there was closed improperly or that computer is off, take the file over.</source>
      <translation>Sie wurde dort von Prozess {pid} geöffnet, und dieser Computer kann nicht nachfragen, ob er noch läuft. Zwei Fenster auf einer Datei würden sich gegenseitig die Änderungen überschreiben. Wurde das Programm dort nicht richtig beendet oder ist der Computer aus, übernehmen Sie die Datei.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/owner_question.py" line="38" />
      <source>Take it over</source>
      <translation>Übernehmen</translation>
    </message>
    <message>
      <location filename="../../ui/shell/owner_question.py" line="42" />
      <source>It is held by process {pid} on {host}. Two windows on one file would overwrite each other's changes, so only that window saves it.</source>
      <translation>Sie gehört Prozess {pid} auf {host}. Zwei Fenster auf einer Datei würden sich gegenseitig die Änderungen überschreiben, deshalb speichert nur jenes Fenster sie.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/owner_question.py" line="48" />
      <source>Bring that window up</source>
      <translation>Jenes Fenster nach vorn holen</translation>
    </message>
    <message>
      <location filename="../../ui/shell/owner_question.py" line="52" />
      <source>Open a copy</source>
      <translation>Eine Kopie öffnen</translation>
    </message>
    <message>
      <location filename="../../ui/shell/owner_question.py" line="53" />
      <source>Open read-only</source>
      <translation>Schreibgeschützt öffnen</translation>
    </message>
    <message>
      <location filename="../../ui/shell/owner_question.py" line="54" />
      <source>Cancel</source>
      <translation>Abbrechen</translation>
    </message>
  </context>
  <context>
    <name>OwnerWatch</name>
    <message>
      <location filename="../../ui/shell/owner_watch.py" line="64" />
      <source>The window that had {file} open has closed or stopped. Open it here to go on with it (as last saved there).</source>
      <translation>Das Fenster, in dem {file} geöffnet war, wurde geschlossen oder ist abgestürzt. Öffnen Sie die Datei hier, um damit weiterzuarbeiten (im dort zuletzt gespeicherten Stand).</translation>
    </message>
    <message>
      <location filename="../../ui/shell/owner_watch.py" line="68" />
      <source>Open it here</source>
      <translation>Hier öffnen</translation>
    </message>
  </context>
  <context>
    <name>ParticipantDialog</name>
    <message>
      <location filename="../../ui/people/participant_dialog.py" line="48" />
      <source>Edit participant</source>
      <translation>Person bearbeiten</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_dialog.py" line="48" />
      <source>Add participant</source>
      <translation>Person hinzufügen</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_dialog.py" line="52" />
      <source>First and last name, as the person writes it</source>
      <translation>Vor- und Nachname, wie die Person ihn schreibt</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_dialog.py" line="57" />
      <source>For the sign-in sheet, which is sorted by it</source>
      <translation>Für die Teilnahmeliste, die danach sortiert wird</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_dialog.py" line="59" />
      <source>Optional, like the family name</source>
      <translation>Freiwillig, wie der Familienname</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_dialog.py" line="62" />
      <source>Place of residence or postcode, if the funder asks for it</source>
      <translation>Wohnort oder PLZ, falls der Zuwendungsgeber danach fragt</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_dialog.py" line="65" />
      <source>The language this person speaks in, for the interpreters</source>
      <translation>Die Sprache, in der die Person spricht – für die Dolmetschenden</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_dialog.py" line="69" />
      <source>For a balanced speaker list, e.g. FLINTA*</source>
      <translation>Für eine quotierte Redeliste, z. B. FLINTA*</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_dialog.py" line="72" />
      <source>May be named on printed lists and on the projector</source>
      <translation>Darf auf gedruckten Listen und auf dem Beamer genannt werden</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_dialog.py" line="74" />
      <source>One or two sentences for the handout (panel)</source>
      <translation>Ein, zwei Sätze für den Handzettel (Podium)</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_dialog.py" line="77" />
      <source>Only for you: never printed, never projected</source>
      <translation>Nur für Sie: nie gedruckt, nie projiziert</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_dialog.py" line="79" />
      <source>Private notes
(never printed
or projected)</source>
      <translation>Private Notizen
(nie gedruckt
oder projiziert)</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_dialog.py" line="85" />
      <source>&amp;Name</source>
      <translation>&amp;Name</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_dialog.py" line="87" />
      <source>&amp;Family name</source>
      <translation>&amp;Familienname</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_dialog.py" line="88" />
      <source>Gi&amp;ven name(s)</source>
      <translation>&amp;Vorname(n)</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_dialog.py" line="89" />
      <source>&amp;Role</source>
      <translation>&amp;Rolle</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_dialog.py" line="90" />
      <source>&amp;Organisation</source>
      <translation>&amp;Organisation</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_dialog.py" line="91" />
      <source>Re&amp;sidence</source>
      <translation>Wohno&amp;rt</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_dialog.py" line="92" />
      <source>&amp;Group</source>
      <translation>&amp;Gruppe</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_dialog.py" line="93" />
      <source>&amp;Language</source>
      <translation>&amp;Sprache</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_dialog.py" line="95" />
      <source>&amp;Bio</source>
      <translation>&amp;Kurzbio</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_dialog.py" line="137" />
      <source>Please enter a name.</source>
      <translation>Bitte geben Sie einen Namen ein.</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_dialog.py" line="139" />
      <location filename="../../ui/people/participant_dialog.py" line="144" />
      <source>A name may have at most {limit} characters (this one has {count}).</source>
      <translation>Ein Name darf höchstens {limit} Zeichen haben (dieser hat {count}).</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_dialog.py" line="148" />
      <source>The residence may have at most {limit} characters.</source>
      <translation>Der Wohnort darf höchstens {limit} Zeichen haben.</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_dialog.py" line="150" />
      <source>The organisation may have at most {limit} characters.</source>
      <translation>Die Organisation darf höchstens {limit} Zeichen haben.</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_dialog.py" line="152" />
      <source>The bio may have at most {limit} characters.</source>
      <translation>Die Kurzbio darf höchstens {limit} Zeichen haben.</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_dialog.py" line="202" />
      <source>{name} is already on the list. Press OK again to keep both.</source>
      <translation>{name} steht schon auf der Liste. Drücken Sie noch einmal OK, um beide zu behalten.</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_dialog.py" line="221" />
      <source>The change was refused.</source>
      <translation>Die Änderung wurde abgelehnt.</translation>
    </message>
  </context>
  <context>
    <name>ParticipantTableModel</name>
    <message>
      <location filename="../../ui/people/participant_model.py" line="219" />
      <source>Speaking now: this turn's time counts here when it is paused or ends</source>
      <translation>Spricht gerade: die Zeit dieses Beitrags zählt hier, sobald er angehalten wird oder endet</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_model.py" line="223" />
      <source>Agreed to be named on printed lists and the projector</source>
      <translation>Einverstanden, auf gedruckten Listen und dem Beamer genannt zu werden</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_model.py" line="224" />
      <source>Not agreed: shown only here, never printed or projected by name</source>
      <translation>Nicht eingewilligt: nur hier sichtbar, nie namentlich gedruckt oder projiziert</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_model.py" line="238" />
      <source>Consent to be named on printed lists and the projector</source>
      <translation>Einwilligung, auf gedruckten Listen und dem Beamer genannt zu werden</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_model.py" line="240" />
      <source>Time spoken; a running turn counts when it is paused or ends</source>
      <translation>Gesprochene Zeit; ein laufender Beitrag zählt, sobald er angehalten wird oder endet</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_model.py" line="245" />
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_model.py" line="247" />
      <source>Role</source>
      <translation>Rolle</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_model.py" line="249" />
      <source>Organisation</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_model.py" line="251" />
      <source>Group</source>
      <translation>Gruppe</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_model.py" line="253" />
      <source>Named</source>
      <translation>Nennung</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_model.py" line="255" />
      <source>Turns</source>
      <translation>Beiträge</translation>
    </message>
    <message>
      <location filename="../../ui/people/participant_model.py" line="257" />
      <source>Time</source>
      <translation>Zeit</translation>
    </message>
  </context>
  <context>
    <name>ParticipantsPanel</name>
    <message>
      <location filename="../../ui/people/participants_panel.py" line="110" />
      <source>Search name, organisation, group… (Ctrl+F)</source>
      <translation>Name, Organisation, Gruppe suchen… (Strg+F)</translation>
    </message>
    <message>
      <location filename="../../ui/people/participants_panel.py" line="112" />
      <source>Search participants</source>
      <translation>Teilnehmende suchen</translation>
    </message>
    <message>
      <location filename="../../ui/people/participants_panel.py" line="127" />
      <source>Participants</source>
      <translation>Teilnehmende</translation>
    </message>
    <message>
      <location filename="../../ui/people/participants_panel.py" line="163" />
      <location filename="../../ui/people/participants_panel.py" line="181" />
      <source>Remove</source>
      <translation>Entfernen</translation>
    </message>
    <message>
      <location filename="../../ui/people/participants_panel.py" line="165" />
      <source>Keep</source>
      <translation>Behalten</translation>
    </message>
    <message>
      <location filename="../../ui/people/participants_panel.py" line="175" />
      <source>Add…</source>
      <translation>Neu…</translation>
    </message>
    <message>
      <location filename="../../ui/people/participants_panel.py" line="176" />
      <source>Add a person to the list</source>
      <translation>Eine Person zur Liste hinzufügen</translation>
    </message>
    <message>
      <location filename="../../ui/people/participants_panel.py" line="178" />
      <source>Edit…</source>
      <translation>Ändern…</translation>
    </message>
    <message>
      <location filename="../../ui/people/participants_panel.py" line="179" />
      <source>Edit the selected person (double-click or Enter)</source>
      <translation>Ausgewählte Person bearbeiten (Doppelklick oder Enter)</translation>
    </message>
    <message>
      <location filename="../../ui/people/participants_panel.py" line="182" />
      <source>Remove the selected person from the list (Delete)</source>
      <translation>Ausgewählte Person von der Liste entfernen (Entf)</translation>
    </message>
    <message>
      <location filename="../../ui/people/participants_panel.py" line="184" />
      <source>Queue</source>
      <translation>Warteliste</translation>
    </message>
    <message>
      <location filename="../../ui/people/participants_panel.py" line="186" />
      <source>Import…</source>
      <translation>Import…</translation>
    </message>
    <message>
      <location filename="../../ui/people/participants_panel.py" line="187" />
      <source>Import participants from a CSV file (Excel, LibreOffice)</source>
      <translation>Teilnehmende aus einer CSV-Datei importieren (Excel, LibreOffice)</translation>
    </message>
    <message>
      <location filename="../../ui/people/participants_panel.py" line="190" />
      <source>Export ▾</source>
      <translation>Export ▾</translation>
    </message>
    <message>
      <location filename="../../ui/people/participants_panel.py" line="192" />
      <source>Save the participant list or the speech log as CSV for Excel</source>
      <translation>Teilnehmendenliste oder Redeprotokoll als CSV für Excel speichern</translation>
    </message>
    <message>
      <location filename="../../ui/people/participants_panel.py" line="239" />
      <source>1 person</source>
      <translation>1 Person</translation>
    </message>
    <message>
      <location filename="../../ui/people/participants_panel.py" line="239" />
      <source>{n} people</source>
      <translation>{n} Personen</translation>
    </message>
    <message>
      <location filename="../../ui/people/participants_panel.py" line="241" />
      <source>{shown} of {n}</source>
      <translation>{shown} von {n}</translation>
    </message>
    <message>
      <location filename="../../ui/people/participants_panel.py" line="251" />
      <location filename="../../ui/people/participants_panel.py" line="264" />
      <source>Put the selected person on the queue for the free chair</source>
      <translation>Ausgewählte Person auf die Warteliste für den freien Stuhl setzen</translation>
    </message>
    <message>
      <location filename="../../ui/people/participants_panel.py" line="254" />
      <source>Already sits in the circle</source>
      <translation>Sitzt schon im Innenkreis</translation>
    </message>
    <message>
      <location filename="../../ui/people/participants_panel.py" line="258" />
      <source>Already waiting for the free chair (place {n})</source>
      <translation>Wartet schon auf den freien Stuhl (Platz {n})</translation>
    </message>
    <message>
      <location filename="../../ui/people/participants_panel.py" line="325" />
      <source> They leave their seat in the circle.</source>
      <translation> Die Person verlässt ihren Platz im Innenkreis.</translation>
    </message>
    <message>
      <location filename="../../ui/people/participants_panel.py" line="327" />
      <source> They leave the free-chair queue.</source>
      <translation> Die Person verlässt die Warteliste für den freien Stuhl.</translation>
    </message>
    <message>
      <location filename="../../ui/people/participants_panel.py" line="329" />
      <source>Remove {name} from the list?{extra}</source>
      <translation>{name} von der Liste entfernen?{extra}</translation>
    </message>
    <message>
      <location filename="../../ui/people/participants_panel.py" line="341" />
      <source>Removed. Undo (Ctrl+Z) brings them back.</source>
      <translation>Entfernt. Rückgängig (Strg+Z) holt die Person zurück.</translation>
    </message>
    <message>
      <location filename="../../ui/people/participants_panel.py" line="362" />
      <source>{n} imported, {m} skipped.</source>
      <translation>{n} importiert, {m} übersprungen.</translation>
    </message>
  </context>
  <context>
    <name>PdfExport</name>
    <message>
      <location filename="../../ui/paper/pdf_export.py" line="45" />
      <source>Handout for the audience</source>
      <translation>Handzettel für das Publikum</translation>
    </message>
    <message>
      <location filename="../../ui/paper/pdf_export.py" line="46" />
      <source>Attendee list (sign-in sheet)</source>
      <translation>Teilnahmeliste (zum Unterschreiben)</translation>
    </message>
    <message>
      <location filename="../../ui/paper/pdf_export.py" line="47" />
      <source>Report: who spoke and how long</source>
      <translation>Bericht: wer wie lange gesprochen hat</translation>
    </message>
    <message>
      <location filename="../../ui/paper/pdf_export.py" line="138" />
      <source>{who} ({scripts}: {chars})</source>
      <translation>{who} ({scripts}: {chars})</translation>
    </message>
    <message>
      <location filename="../../ui/paper/pdf_export.py" line="145" />
      <source>None of the shipped fonts can print characters in these entries: {items}. Print anyway? Each such character is printed as □, so the place of every missing character stays visible.</source>
      <translation>Keine mitgelieferte Schrift kann Zeichen in diesen Angaben drucken: {items}. Trotzdem drucken? Jedes solche Zeichen wird als □ gedruckt, damit die Stelle jedes fehlenden Zeichens sichtbar bleibt.</translation>
    </message>
    <message>
      <location filename="../../ui/paper/pdf_export.py" line="164" />
      <source>Unknown kind of document: {kind}.</source>
      <translation>Unbekannte Dokumentart: {kind}.</translation>
    </message>
    <message>
      <location filename="../../ui/paper/pdf_export.py" line="173" />
      <source>PDF export is not part of this installation.</source>
      <translation>Der PDF-Export ist in dieser Installation nicht enthalten.</translation>
    </message>
    <message>
      <location filename="../../ui/paper/pdf_export.py" line="186" />
      <source>The PDF was not written: {reason}</source>
      <translation>Das PDF wurde nicht geschrieben: {reason}</translation>
    </message>
    <message>
      <location filename="../../ui/paper/pdf_export.py" line="193" />
      <source>The PDF could not be written to {path}: {reason}</source>
      <translation>Das PDF konnte nicht nach {path} geschrieben werden: {reason}</translation>
    </message>
    <message>
      <location filename="../../ui/paper/pdf_export.py" line="203" />
      <source>The PDF could not be made: {reason}</source>
      <translation>Das PDF konnte nicht erstellt werden: {reason}</translation>
    </message>
    <message>
      <location filename="../../ui/paper/pdf_export.py" line="209" />
      <source>The PDF could not be made (unexpected problem: {reason}).</source>
      <translation>Das PDF konnte nicht erstellt werden (unerwartetes Problem: {reason}).</translation>
    </message>
    <message>
      <location filename="../../ui/paper/pdf_export.py" line="316" />
      <source>PDF files (*.pdf)</source>
      <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../ui/paper/pdf_export.py" line="350" />
      <source>Another PDF is still being written; try again in a moment.</source>
      <translation>Ein anderes PDF wird noch geschrieben; bitte gleich noch einmal versuchen.</translation>
    </message>
    <message>
      <location filename="../../ui/paper/pdf_export.py" line="358" />
      <source>Writing {what} to {path}…</source>
      <translation>Schreibe {what} nach {path}…</translation>
    </message>
    <message>
      <location filename="../../ui/paper/pdf_export.py" line="396" />
      <source>Writing {what} to {path}… page {page}</source>
      <translation>Schreibe {what} nach {path}… Seite {page}</translation>
    </message>
  </context>
  <context>
    <name>PrintOptionsDialog</name>
    <message>
      <location filename="../../ui/paper/print_options_dialog.py" line="86" />
      <source>Organisation</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <location filename="../../ui/paper/print_options_dialog.py" line="87" />
      <source>Place of residence / postcode</source>
      <translation>Wohnort / PLZ</translation>
    </message>
    <message>
      <location filename="../../ui/paper/print_options_dialog.py" line="88" />
      <source>Organisation and place of residence / postcode</source>
      <translation>Organisation und Wohnort / PLZ</translation>
    </message>
    <message>
      <location filename="../../ui/paper/print_options_dialog.py" line="89" />
      <source>None</source>
      <translation>Keine</translation>
    </message>
    <message>
      <location filename="../../ui/paper/print_options_dialog.py" line="94" />
      <source>One sheet per person (nobody sees the other names)</source>
      <translation>Ein Blatt pro Person (niemand sieht die anderen Namen)</translation>
    </message>
    <message>
      <location filename="../../ui/paper/print_options_dialog.py" line="98" />
      <source> s</source>
      <translation> s</translation>
    </message>
    <message>
      <location filename="../../ui/paper/print_options_dialog.py" line="100" />
      <source>The lead's &amp;confirmation on every page, not only the last</source>
      <translation>&amp;Bestätigung der Veranstaltungsleitung auf jeder Seite, nicht nur auf der letzten</translation>
    </message>
    <message>
      <location filename="../../ui/paper/print_options_dialog.py" line="101" />
      <source>All rows &amp;blank: every name is written by hand</source>
      <translation>Alle Zeilen &amp;leer: jeder Name wird von Hand eingetragen</translation>
    </message>
    <message>
      <location filename="../../ui/paper/print_options_dialog.py" line="102" />
      <source>Archive copy (PDF/&amp;A-2b), for lists kept for years</source>
      <translation>Archivfassung (PDF/&amp;A-2b), für Listen, die jahrelang aufbewahrt werden</translation>
    </message>
    <message>
      <location filename="../../ui/paper/print_options_dialog.py" line="109" />
      <source>e.g. Saal-Gast</source>
      <translation>z. B. Saal-Gast</translation>
    </message>
    <message>
      <location filename="../../ui/paper/print_options_dialog.py" line="111" />
      <source>Print the &amp;audience QR code</source>
      <translation>&amp;QR-Code für das Publikum drucken</translation>
    </message>
    <message>
      <location filename="../../ui/paper/print_options_dialog.py" line="118" />
      <source>Print the handout</source>
      <translation>Handzettel drucken</translation>
    </message>
    <message>
      <location filename="../../ui/paper/print_options_dialog.py" line="119" />
      <location filename="../../ui/paper/print_options_dialog.py" line="164" />
      <source>&amp;Logo</source>
      <translation>&amp;Logo</translation>
    </message>
    <message>
      <location filename="../../ui/paper/print_options_dialog.py" line="128" />
      <source>A box on page 1 with the room's audience link, so people can ask for the free chair from their phone. Phones reach it only on the network this laptop is on now:</source>
      <translation>Ein Kasten auf Seite 1 mit dem Publikums-Link des Raums, damit man mit dem Handy um den freien Stuhl bitten kann. Handys erreichen ihn nur im Netzwerk, in dem dieser Laptop gerade ist:</translation>
    </message>
    <message>
      <location filename="../../ui/paper/print_options_dialog.py" line="141" />
      <source>Hall's &amp;Wi-Fi network</source>
      <translation>&amp;WLAN des Saals</translation>
    </message>
    <message>
      <location filename="../../ui/paper/print_options_dialog.py" line="145" />
      <source>Print the attendee sheet</source>
      <translation>Teilnahmeliste drucken</translation>
    </message>
    <message>
      <location filename="../../ui/paper/print_options_dialog.py" line="147" />
      <source>&amp;Reserve rows for walk-ins</source>
      <translation>&amp;Reservezeilen für Spontane</translation>
    </message>
    <message>
      <location filename="../../ui/paper/print_options_dialog.py" line="150" />
      <source>1 more empty row is added for the person who did not agree to appear on printed lists.</source>
      <translation>Dazu kommt 1 leere Zeile für die Person, die nicht namentlich auf gedruckten Listen erscheinen möchte.</translation>
    </message>
    <message>
      <location filename="../../ui/paper/print_options_dialog.py" line="153" />
      <source>{n} more empty rows are added for the people who did not agree to appear on printed lists.</source>
      <translation>Dazu kommen {n} leere Zeilen für die Personen, die nicht namentlich auf gedruckten Listen erscheinen möchten.</translation>
    </message>
    <message>
      <location filename="../../ui/paper/print_options_dialog.py" line="159" />
      <source>&amp;Extra column</source>
      <translation>&amp;Zusätzliche Spalte</translation>
    </message>
    <message>
      <location filename="../../ui/paper/print_options_dialog.py" line="167" />
      <source>Print the report</source>
      <translation>Bericht drucken</translation>
    </message>
    <message>
      <location filename="../../ui/paper/print_options_dialog.py" line="168" />
      <source>&amp;Turns shorter than this are accidental</source>
      <translation>&amp;Kürzere Beiträge gelten als versehentlich</translation>
    </message>
    <message>
      <location filename="../../ui/paper/print_options_dialog.py" line="169" />
      <source>They are marked in the speech log and left out of the statistics.</source>
      <translation>Sie werden im Redeprotokoll markiert und nicht in der Statistik gezählt.</translation>
    </message>
    <message>
      <location filename="../../ui/paper/print_options_dialog.py" line="61" />
      <source>Continue…</source>
      <translation>Weiter…</translation>
    </message>
    <message>
      <location filename="../../ui/paper/print_options_dialog.py" line="192" />
      <source>no date</source>
      <translation>kein Datum</translation>
    </message>
    <message>
      <location filename="../../ui/paper/print_options_dialog.py" line="193" />
      <source>no place</source>
      <translation>keinen Ort</translation>
    </message>
    <message>
      <location filename="../../ui/paper/print_options_dialog.py" line="194" />
      <source>no organiser (the privacy notice then names no controller)</source>
      <translation>keinen Veranstalter (der Datenschutzhinweis nennt dann keinen Verantwortlichen)</translation>
    </message>
    <message>
      <location filename="../../ui/paper/print_options_dialog.py" line="197" />
      <source>A funder needs these, and this event has {gaps}. The sheet leaves a line to write each in by hand; fill them in under Event settings to print them.</source>
      <translation>Ein Zuwendungsgeber braucht diese Angaben, und diese Veranstaltung hat {gaps}. Die Liste lässt für jede eine Zeile zum Eintragen von Hand frei; tragen Sie sie in den Veranstaltungseinstellungen ein, um sie zu drucken.</translation>
    </message>
  </context>
  <context>
    <name>PrivacyFields</name>
    <message>
      <location filename="../../ui/event/privacy_fields.py" line="25" />
      <source>An association or other private body (legitimate interest, Art. 6(1)(f))</source>
      <translation>Ein Verein oder anderer privater Träger (berechtigtes Interesse, Art. 6 Abs. 1 lit. f)</translation>
    </message>
    <message>
      <location filename="../../ui/event/privacy_fields.py" line="26" />
      <source>A public body (a task in the public interest, Art. 6(1)(e))</source>
      <translation>Eine öffentliche Stelle (Aufgabe im öffentlichen Interesse, Art. 6 Abs. 1 lit. e)</translation>
    </message>
    <message>
      <location filename="../../ui/event/privacy_fields.py" line="32" />
      <source>Street and number, postcode and town</source>
      <translation>Straße und Hausnummer, PLZ und Ort</translation>
    </message>
    <message>
      <location filename="../../ui/event/privacy_fields.py" line="36" />
      <source>e.g. datenschutz@example.org</source>
      <translation>z. B. datenschutz@example.org</translation>
    </message>
    <message>
      <location filename="../../ui/event/privacy_fields.py" line="38" />
      <source>Name and e-mail, where the organiser has one</source>
      <translation>Name und E-Mail, falls der Veranstalter eine*n hat</translation>
    </message>
    <message>
      <location filename="../../ui/event/privacy_fields.py" line="41" />
      <source>No photos</source>
      <translation>Keine Fotos</translation>
    </message>
    <message>
      <location filename="../../ui/event/privacy_fields.py" line="42" />
      <source>Photos only of those who tick the column on the sheet</source>
      <translation>Fotos nur von denen, die es auf der Liste ankreuzen</translation>
    </message>
    <message>
      <location filename="../../ui/event/privacy_fields.py" line="43" />
      <source>Photos are taken; the handout says whom to tell if you object</source>
      <translation>Es wird fotografiert; das Handout sagt, wem man einen Widerspruch sagt</translation>
    </message>
    <message>
      <location filename="../../ui/event/privacy_fields.py" line="49" />
      <source>e.g. Gefördert im Bundesprogramm „Demokratie leben!“</source>
      <translation>z. B. Gefördert im Bundesprogramm „Demokratie leben!“</translation>
    </message>
    <message>
      <location filename="../../ui/event/privacy_fields.py" line="52" />
      <source>e.g. under 27; 27–64; 65 and over (at most {n})</source>
      <translation>z. B. unter 27; 27–64; 65 und älter (höchstens {n})</translation>
    </message>
    <message>
      <location filename="../../ui/event/privacy_fields.py" line="56" />
      <source>The organiser &amp;is</source>
      <translation>Der Veranstalter &amp;ist</translation>
    </message>
    <message>
      <location filename="../../ui/event/privacy_fields.py" line="57" />
      <source>Organiser's &amp;address</source>
      <translation>&amp;Anschrift des Veranstalters</translation>
    </message>
    <message>
      <location filename="../../ui/event/privacy_fields.py" line="58" />
      <source>Organiser's &amp;e-mail</source>
      <translation>&amp;E-Mail des Veranstalters</translation>
    </message>
    <message>
      <location filename="../../ui/event/privacy_fields.py" line="59" />
      <source>&amp;Data-protection officer</source>
      <translation>&amp;Datenschutzbeauftragte*r</translation>
    </message>
    <message>
      <location filename="../../ui/event/privacy_fields.py" line="60" />
      <source>P&amp;hotos</source>
      <translation>&amp;Fotos</translation>
    </message>
    <message>
      <location filename="../../ui/event/privacy_fields.py" line="61" />
      <source>Funding &amp;line</source>
      <translation>Förder&amp;hinweis</translation>
    </message>
    <message>
      <location filename="../../ui/event/privacy_fields.py" line="62" />
      <source>A&amp;ge groups on the sheet</source>
      <translation>Alters&amp;gruppen auf der Liste</translation>
    </message>
  </context>
  <context>
    <name>ProblemNotices</name>
    <message>
      <location filename="../../ui/shell/problem_report.py" line="76" />
      <source>Something inside Fishbowl Desktop went wrong ({what}); the evening goes on. Help → Save a problem report… collects the details for the organisers.</source>
      <translation>In Fishbowl Desktop ist etwas schiefgegangen ({what}); der Abend geht weiter. Hilfe → Problembericht speichern … sammelt die Einzelheiten für die Organisatoren.</translation>
    </message>
  </context>
  <context>
    <name>ProblemReport</name>
    <message>
      <location filename="../../ui/shell/problem_report.py" line="101" />
      <source>Save a problem report</source>
      <translation>Problembericht speichern</translation>
    </message>
    <message>
      <location filename="../../ui/shell/problem_report.py" line="103" />
      <source>Zip archive (*.zip)</source>
      <translation>ZIP-Archiv (*.zip)</translation>
    </message>
    <message>
      <location filename="../../ui/shell/problem_report.py" line="119" />
      <source>The problem report was not saved: {reason}</source>
      <translation>Der Problembericht wurde nicht gespeichert: {reason}</translation>
    </message>
    <message>
      <location filename="../../ui/shell/problem_report.py" line="126" />
      <source>Problem report saved as {file}: the program's log and versions, no session and no names. Send it to whoever looks after Fishbowl Desktop for you.</source>
      <translation>Problembericht als {file} gespeichert: das Protokoll des Programms und die Versionen, keine Sitzung und keine Namen. Schicken Sie ihn an die Person, die Fishbowl Desktop für Sie betreut.</translation>
    </message>
  </context>
  <context>
    <name>ProjectorManager</name>
    <message>
      <location filename="../../ui/projector/manager.py" line="108" />
      <source>Fishbowl – projector</source>
      <translation>Fishbowl – Projektor</translation>
    </message>
    <message>
      <location filename="../../ui/projector/manager.py" line="179" />
      <source>No screen is available for the projector.</source>
      <translation>Für den Projektor ist kein Bildschirm verfügbar.</translation>
    </message>
    <message>
      <location filename="../../ui/projector/manager.py" line="240" />
      <source>Projector off – the hall sees nothing (F5 shows it)</source>
      <translation>Projektor aus – der Saal sieht nichts (F5 zeigt ihn)</translation>
    </message>
    <message>
      <location filename="../../ui/projector/manager.py" line="242" />
      <source>Beamer disconnected – the hall sees nothing</source>
      <translation>Beamer getrennt – der Saal sieht nichts</translation>
    </message>
    <message>
      <location filename="../../ui/projector/manager.py" line="244" />
      <source>No beamer – the projector is a window on this screen</source>
      <translation>Kein Beamer – der Projektor ist ein Fenster auf diesem Bildschirm</translation>
    </message>
    <message>
      <location filename="../../ui/projector/manager.py" line="280" />
      <source>The projector opens on {name} (F5).</source>
      <translation>Der Projektor öffnet sich auf {name} (F5).</translation>
    </message>
    <message>
      <location filename="../../ui/projector/manager.py" line="304" />
      <source>console</source>
      <translation>Konsole</translation>
    </message>
    <message>
      <location filename="../../ui/projector/manager.py" line="306" />
      <source>projector</source>
      <translation>Projektor</translation>
    </message>
    <message>
      <location filename="../../ui/projector/manager.py" line="351" />
      <source>The projector's screen was disconnected; the projector moved to {name}.</source>
      <translation>Der Bildschirm des Projektors wurde getrennt; der Projektor ist auf {name} umgezogen.</translation>
    </message>
    <message>
      <location filename="../../ui/projector/manager.py" line="363" />
      <source>The projector's screen was disconnected. The projector is hidden and comes back when the screen is connected again.</source>
      <translation>Der Bildschirm des Projektors wurde getrennt. Der Projektor ist verborgen und kommt zurück, sobald der Bildschirm wieder angeschlossen ist.</translation>
    </message>
    <message>
      <location filename="../../ui/projector/manager.py" line="383" />
      <source>The projector is back on {name}.</source>
      <translation>Der Projektor ist wieder auf {name}.</translation>
    </message>
    <message>
      <location filename="../../ui/projector/manager.py" line="399" />
      <source>That screen is no longer connected.</source>
      <translation>Dieser Bildschirm ist nicht mehr angeschlossen.</translation>
    </message>
  </context>
  <context>
    <name>ProjectorPreview</name>
    <message>
      <location filename="../../ui/projector/view.py" line="243" />
      <source>Countdown {time} armed: shown when nobody has the floor</source>
      <translation>Countdown {time} bereit: erscheint, sobald niemand das Wort hat</translation>
    </message>
  </context>
  <context>
    <name>ProjectorScreenMenu</name>
    <message>
      <location filename="../../ui/projector/screen_menu.py" line="23" />
      <source>Projector &amp;screen</source>
      <translation>Projektor-&amp;Bildschirm</translation>
    </message>
    <message>
      <location filename="../../ui/projector/screen_menu.py" line="30" />
      <source>{number}: {name} – {width}×{height} at {x}, {y}</source>
      <translation>{number}: {name} – {width}×{height} bei {x}, {y}</translation>
    </message>
    <message>
      <location filename="../../ui/projector/screen_menu.py" line="34" />
      <source>(console; the projector becomes a window)</source>
      <translation>(Konsole; der Projektor wird ein Fenster)</translation>
    </message>
    <message>
      <location filename="../../ui/projector/screen_menu.py" line="51" />
      <source>&amp;Identify screens</source>
      <translation>Bildschirme &amp;identifizieren</translation>
    </message>
    <message>
      <location filename="../../ui/projector/screen_menu.py" line="52" />
      <source>Shows each screen's number on it for three seconds</source>
      <translation>Zeigt drei Sekunden lang auf jedem Bildschirm seine Nummer</translation>
    </message>
  </context>
  <context>
    <name>QueueModel</name>
    <message>
      <location filename="../../ui/queue/queue_model.py" line="98" />
      <source>moved by hand</source>
      <translation>von Hand verschoben</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_model.py" line="99" />
      <source>safe place: already told</source>
      <translation>fester Platz: schon angesagt</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_model.py" line="100" />
      <location filename="../../ui/queue/queue_model.py" line="158" />
      <location filename="../../ui/queue/queue_model.py" line="184" />
      <source>new voice</source>
      <translation>neue Stimme</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_model.py" line="101" />
      <source>spoke {n}× so far</source>
      <translation>sprach bisher {n}×</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_model.py" line="102" />
      <source>spoke {time} so far</source>
      <translation>sprach bisher {time}</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_model.py" line="103" />
      <source>other group than the last speaker</source>
      <translation>andere Gruppe als zuletzt</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_model.py" line="104" />
      <source>same group as the last speaker</source>
      <translation>dieselbe Gruppe wie zuletzt</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_model.py" line="106" />
      <source>quota: {group}</source>
      <translation>Quote: {group}</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_model.py" line="106" />
      <source>quota: no group</source>
      <translation>Quote: ohne Gruppe</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_model.py" line="108" />
      <source>in order of arrival</source>
      <translation>nach Ankunft</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_model.py" line="158" />
      <location filename="../../ui/queue/queue_model.py" line="185" />
      <source>{turns}× · {time}</source>
      <translation>{turns}× · {time}</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_model.py" line="166" />
      <source>&lt; 1 min</source>
      <translation>&lt; 1 min</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_model.py" line="168" />
      <source>{minutes} min</source>
      <translation>{minutes} min</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_model.py" line="169" />
      <source>{hours}:{minutes} h</source>
      <translation>{hours}:{minutes} h</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_model.py" line="218" />
      <source>Group: {group}</source>
      <translation>Gruppe: {group}</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_model.py" line="219" />
      <source>Waiting since {time}</source>
      <translation>Wartet seit {time}</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_model.py" line="220" />
      <source>Why here: {reason}</source>
      <translation>Warum hier: {reason}</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_model.py" line="233" />
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_model.py" line="235" />
      <source>Waiting</source>
      <translation>Wartet</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_model.py" line="237" />
      <source>Spoken</source>
      <translation>Gesprochen</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_model.py" line="239" />
      <source>Group</source>
      <translation>Gruppe</translation>
    </message>
  </context>
  <context>
    <name>QueuePanel</name>
    <message>
      <location filename="../../ui/queue/queue_panel.py" line="103" />
      <source>Free chair</source>
      <translation>Freier Stuhl</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_panel.py" line="108" />
      <source>How newcomers are placed in the queue</source>
      <translation>Wie Neue in die Warteliste eingereiht werden</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_panel.py" line="113" />
      <source>Order of the queue</source>
      <translation>Reihenfolge der Warteliste</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_panel.py" line="117" />
      <source>Rules…</source>
      <translation>Regeln…</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_panel.py" line="118" />
      <source>Choose and sort the rules of the queue's order (Ctrl+Shift+L)</source>
      <translation>Regeln der Reihenfolge wählen und sortieren (Strg+Umschalt+L)</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_panel.py" line="128" />
      <source>Name + Enter: joins the queue</source>
      <translation>Name + Enter: auf die Warteliste</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_panel.py" line="130" />
      <source>Name + Enter joins the queue; “Name / group” also sets the group for the quota list</source>
      <translation>Name + Enter: kommt auf die Warteliste; „Name / Gruppe“ setzt auch die Gruppe für die quotierte Redeliste</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_panel.py" line="150" />
      <source>Add</source>
      <translation>Hinzufügen</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_panel.py" line="158" />
      <source>Move up (Ctrl+Up)</source>
      <translation>Nach oben (Strg+Hoch)</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_panel.py" line="161" />
      <source>Move down (Ctrl+Down)</source>
      <translation>Nach unten (Strg+Runter)</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_panel.py" line="163" />
      <source>Remove</source>
      <translation>Entfernen</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_panel.py" line="164" />
      <source>Leaves the queue (Delete)</source>
      <translation>Verlässt die Warteliste (Entf)</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_panel.py" line="167" />
      <source>One out, one in: the next person takes the free chair (N or PageDown)</source>
      <translation>Eine geht, eine kommt: die nächste Person nimmt den freien Stuhl (N oder Bild runter)</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_panel.py" line="286" />
      <source>“{name}” could be:</source>
      <translation>„{name}“ könnte sein:</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_panel.py" line="294" />
      <source> (waiting)</source>
      <translation> (wartet)</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_panel.py" line="296" />
      <source> (in the circle)</source>
      <translation> (im Innenkreis)</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_panel.py" line="304" />
      <source>A new person: “{name}”</source>
      <translation>Eine neue Person: „{name}“</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_panel.py" line="414" />
      <source>{n} waiting</source>
      <translation>{n} warten</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_panel.py" line="428" />
      <source>Your own order</source>
      <translation>Eigene Reihenfolge</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_panel.py" line="430" />
      <source>Order of the queue: {chain}</source>
      <translation>Reihenfolge der Warteliste: {chain}</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_panel.py" line="439" />
      <source>Closed: nobody comes in</source>
      <translation>Geschlossen: Niemand kommt herein</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_panel.py" line="441" />
      <source>Tap-out: {name} replaces…</source>
      <translation>Tap-out: {name} löst ab …</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_panel.py" line="444" />
      <source>Next: {name} · speaks {language}</source>
      <translation>Nächste: {name} · spricht {language}</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_panel.py" line="447" />
      <source>Next: {name}</source>
      <translation>Nächste: {name}</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_panel.py" line="449" />
      <source>Nobody is waiting: free the chair</source>
      <translation>Niemand wartet: Stuhl frei machen</translation>
    </message>
    <message>
      <location filename="../../ui/queue/queue_panel.py" line="451" />
      <source>Nobody is waiting</source>
      <translation>Niemand wartet</translation>
    </message>
  </context>
  <context>
    <name>QuitQuestion</name>
    <message>
      <location filename="../../ui/shell/quit_question.py" line="55" />
      <source>{name} is speaking ({time} left): the clock stops.</source>
      <translation>{name} spricht ({time} übrig): die Uhr bleibt stehen.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/quit_question.py" line="57" />
      <source>{name} is speaking ({time} over time): the clock stops.</source>
      <translation>{name} spricht ({time} überzogen): die Uhr bleibt stehen.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/quit_question.py" line="61" />
      <source>The projector is on: the hall sees the other session.</source>
      <translation>Der Projektor ist an: Der Saal sieht dann die andere Sitzung.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/quit_question.py" line="63" />
      <source>The projector is on: the hall sees the desktop.</source>
      <translation>Der Projektor ist an: der Saal sieht dann den Desktop.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/quit_question.py" line="77" />
      <source>Another session</source>
      <translation>Andere Sitzung</translation>
    </message>
    <message>
      <location filename="../../ui/shell/quit_question.py" line="78" />
      <source>{reason} Close this session and open another anyway? It is saved.</source>
      <translation>{reason} Diese Sitzung trotzdem schließen und eine andere öffnen? Sie ist gespeichert.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/quit_question.py" line="79" />
      <source>Open another</source>
      <translation>Andere öffnen</translation>
    </message>
    <message>
      <location filename="../../ui/shell/quit_question.py" line="93" />
      <location filename="../../ui/shell/quit_question.py" line="95" />
      <source>Quit</source>
      <translation>Beenden</translation>
    </message>
    <message>
      <location filename="../../ui/shell/quit_question.py" line="94" />
      <source>{reason} Quit anyway? The session is saved.</source>
      <translation>{reason} Trotzdem beenden? Die Sitzung ist gespeichert.</translation>
    </message>
  </context>
  <context>
    <name>RenameOffer</name>
    <message>
      <location filename="../../ui/shell/rename_offer.py" line="53" />
      <source>The session file is still called {old}. Rename it after the event's title: {new}?</source>
      <translation>Die Sitzungsdatei heißt noch {old}. Nach dem Titel der Veranstaltung umbenennen: {new}?</translation>
    </message>
    <message>
      <location filename="../../ui/shell/rename_offer.py" line="55" />
      <source>Rename file</source>
      <translation>Datei umbenennen</translation>
    </message>
    <message>
      <location filename="../../ui/shell/rename_offer.py" line="65" />
      <source>The session file was renamed from {old} to {new}; its backups moved with it.</source>
      <translation>Die Sitzungsdatei wurde von {old} in {new} umbenannt; ihre Sicherungskopien wurden mit umbenannt.</translation>
    </message>
  </context>
  <context>
    <name>Role</name>
    <message>
      <location filename="../../ui/widgets/role_labels.py" line="20" />
      <source>Moderator</source>
      <translation>Moderation</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/role_labels.py" line="22" />
      <source>Panel</source>
      <translation>Podium</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/role_labels.py" line="23" />
      <source>Audience</source>
      <translation>Publikum</translation>
    </message>
  </context>
  <context>
    <name>RoomMenu</name>
    <message>
      <location filename="../../ui/room/room_menu.py" line="42" />
      <source>&amp;Room</source>
      <translation>&amp;Raum</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_menu.py" line="49" />
      <source>Room &amp;on (phones and tablets)</source>
      <translation>Raum &amp;an (Handys und Tablets)</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_menu.py" line="53" />
      <source>Room &amp;links, QR codes and requests…</source>
      <translation>Raum-&amp;Links, QR-Codes und Meldungen …</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_menu.py" line="54" />
      <source>&amp;New links (drop every phone)</source>
      <translation>&amp;Neue Links (alle Handys trennen)</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_menu.py" line="56" />
      <source>Audience &amp;QR code on the projector</source>
      <translation>&amp;QR-Code fürs Publikum auf der Leinwand</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_menu.py" line="144" />
      <source>The room was on before, but cannot start again on port {port}: {reason}</source>
      <translation>Der Raum war eingeschaltet, kann auf Port {port} aber nicht wieder starten: {reason}</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_menu.py" line="150" />
      <source>The room is on again, as before: the printed links keep working.</source>
      <translation>Der Raum ist wieder eingeschaltet, wie zuvor: Die gedruckten Links funktionieren weiter.</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_menu.py" line="167" />
      <source>OSC was on before, but cannot listen on UDP port {port}: {reason}</source>
      <translation>OSC war an, kann aber nicht wieder auf UDP-Port {port} hören: {reason}</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_menu.py" line="184" />
      <source>The room cannot start on port {port}: {reason}</source>
      <translation>Der Raum kann auf Port {port} nicht starten: {reason}</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_menu.py" line="220" />
      <source>New room links: the old ones no longer work and every phone was dropped.</source>
      <translation>Neue Raum-Links: Die alten gelten nicht mehr, alle Handys wurden getrennt.</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_menu.py" line="255" />
      <source>Room on · port {port} · phones: {n}</source>
      <translation>Raum an · Port {port} · Handys: {n}</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_menu.py" line="257" />
      <source>requests: {n}</source>
      <translation>Meldungen: {n}</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_menu.py" line="259" />
      <source>no phone yet</source>
      <translation>noch kein Handy</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_menu.py" line="261" />
      <source>not saved</source>
      <translation>nicht gespeichert</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_menu.py" line="269" />
      <source>No phone has reached the room in {minutes} min. If phones cannot open the link: they must be on the same network as this laptop ({address}); a guest Wi-Fi often keeps devices apart; and the laptop's firewall may block port {port} (Windows: allow Fishbowl Desktop on private networks).</source>
      <translation>Seit {minutes} Min. hat kein Handy den Raum erreicht. Wenn Handys den Link nicht öffnen können: Sie müssen im selben Netz sein wie dieser Laptop ({address}); ein Gäste-WLAN trennt Geräte oft voneinander; und die Firewall des Laptops kann Port {port} sperren (Windows: Fishbowl Desktop für private Netzwerke zulassen).</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_menu.py" line="283" />
      <source>The phones' requests and places could not be saved ({reason}). Nothing is lost: the console keeps them and tries again every few seconds.</source>
      <translation>Die Meldungen und Plätze der Handys konnten nicht gespeichert werden ({reason}). Nichts geht verloren: Die Konsole behält sie und versucht es alle paar Sekunden erneut.</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_menu.py" line="287" />
      <source>Try again now</source>
      <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_menu.py" line="293" />
      <source>The phones' requests and places are saved again.</source>
      <translation>Die Meldungen und Plätze der Handys werden wieder gespeichert.</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_menu.py" line="300" />
      <source>A phone asks for the free chair: accept or decline it under Room.</source>
      <translation>Ein Handy meldet sich für den freien Stuhl: unter „Raum“ annehmen oder ablehnen.</translation>
    </message>
  </context>
  <context>
    <name>RoomWindow</name>
    <message>
      <location filename="../../ui/room/room_window.py" line="52" />
      <source>The room: phones and tablets</source>
      <translation>Der Raum: Handys und Tablets</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_window.py" line="102" />
      <source>New links</source>
      <translation>Neue Links</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_window.py" line="111" />
      <source>Port:</source>
      <translation>Port:</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_window.py" line="124" />
      <source>Timer (read-only)</source>
      <translation>Timer (nur ansehen)</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_window.py" line="125" />
      <source>Audience (ask for the free chair)</source>
      <translation>Publikum (für den freien Stuhl melden)</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_window.py" line="126" />
      <source>Control (needs the PIN)</source>
      <translation>Steuerung (braucht die PIN)</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_window.py" line="158" />
      <source>Accept</source>
      <translation>Annehmen</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_window.py" line="160" />
      <source>Decline</source>
      <translation>Ablehnen</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_window.py" line="162" />
      <source>Decline all</source>
      <translation>Alle ablehnen</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_window.py" line="163" />
      <source>Declines every waiting request at once; each phone is told</source>
      <translation>Lehnt alle wartenden Meldungen auf einmal ab; jedes Handy erfährt es</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_window.py" line="165" />
      <location filename="../../ui/room/room_window.py" line="245" />
      <source>Pause requests</source>
      <translation>Meldungen pausieren</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_window.py" line="167" />
      <source>Phones are told that requests are paused; the list keeps what it has</source>
      <translation>Die Handys erfahren, dass Meldungen pausiert sind; die Liste behält, was sie hat</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_window.py" line="170" />
      <source>Requests go straight into the queue</source>
      <translation>Meldungen kommen direkt auf die Warteliste</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_window.py" line="63" />
      <source>Address for the links:</source>
      <translation>Adresse für die Links:</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_window.py" line="68" />
      <source>Control PIN (shown only here):</source>
      <translation>PIN für die Steuerung (nur hier zu sehen):</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_window.py" line="74" />
      <source>Requests for the free chair</source>
      <translation>Meldungen für den freien Stuhl</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_window.py" line="103" />
      <source>Replaces all the links and the PIN; every connected phone is dropped</source>
      <translation>Ersetzt alle Links und die PIN; alle verbundenen Handys werden getrennt</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_window.py" line="127" />
      <source>Interpreters (read-only)</source>
      <translation>Dolmetschende (nur ansehen)</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_window.py" line="203" />
      <source>Switch the room off</source>
      <translation>Raum ausschalten</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_window.py" line="203" />
      <source>Switch the room on</source>
      <translation>Raum einschalten</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_window.py" line="208" />
      <source>The room is on: phones on the same network can open the links below. Anyone with a link can use it; use New links to shut everyone out.</source>
      <translation>Der Raum ist an: Handys im selben Netz können die Links unten öffnen. Wer einen Link hat, kann ihn nutzen; mit „Neue Links“ sperren Sie alle aus.</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_window.py" line="213" />
      <source>The room is off: no phone can connect.</source>
      <translation>Der Raum ist aus: Kein Handy kann sich verbinden.</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_window.py" line="233" />
      <source>Connected: {n}</source>
      <translation>Verbunden: {n}</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_window.py" line="238" />
      <source>Busy: {n} connections refused. Saving and the links already open are not affected.</source>
      <translation>Viel Andrang: {n} Verbindungen abgewiesen. Das Speichern und die schon offenen Links sind davon nicht betroffen.</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_window.py" line="245" />
      <source>Requests paused</source>
      <translation>Meldungen pausiert</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_window.py" line="250" />
      <source>not to be shown by name</source>
      <translation>nicht mit Namen zeigen</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_window.py" line="283" />
      <source>{n} went straight in so far; more than {m} a minute wait here for your yes</source>
      <translation>{n} direkt aufgenommen; mehr als {m} pro Minute warten hier auf Ihr Ja</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_window.py" line="311" />
      <source>The room cannot start on port {port}: {reason}</source>
      <translation>Der Raum kann auf Port {port} nicht starten: {reason}</translation>
    </message>
    <message>
      <location filename="../../ui/room/room_window.py" line="327" />
      <source>New links made: the old ones no longer work and every phone was dropped.</source>
      <translation>Neue Links erstellt: Die alten gelten nicht mehr, alle Handys wurden getrennt.</translation>
    </message>
  </context>
  <context>
    <name>SeatPicker</name>
    <message>
      <location filename="../../ui/circle/seat_dialogs.py" line="99" />
      <source>Seat {n}</source>
      <translation>Platz {n}</translation>
    </message>
    <message>
      <location filename="../../ui/circle/seat_dialogs.py" line="100" />
      <source>Who sits down on seat {n}? People waiting for the free chair come first.</source>
      <translation>Wer setzt sich auf Platz {n}? Wer auf den freien Stuhl wartet, steht oben.</translation>
    </message>
    <message>
      <location filename="../../ui/circle/seat_dialogs.py" line="106" />
      <source>Type to filter</source>
      <translation>Tippen zum Filtern</translation>
    </message>
    <message>
      <location filename="../../ui/circle/seat_dialogs.py" line="116" />
      <source>Nobody on the list is a panelist yet, and in this format only panelists sit on panel seats (a list imported without a role column holds only audience). Pick someone to make them a panelist and seat them on seat {n}.</source>
      <translation>Noch niemand auf der Liste gehört zum Podium, und in diesem Format sitzen auf Podiumsplätzen nur Podiumsgäste (eine Liste ohne Spalte für die Rolle bringt nur Publikum). Wählen Sie jemanden: die Person kommt aufs Podium und setzt sich auf Platz {n}.</translation>
    </message>
    <message>
      <location filename="../../ui/circle/seat_dialogs.py" line="122" />
      <source>{person} – becomes a panelist</source>
      <translation>{person} – kommt aufs Podium</translation>
    </message>
    <message>
      <location filename="../../ui/circle/seat_dialogs.py" line="124" />
      <source>Nobody is left who may sit on seat {n}.</source>
      <translation>Niemand mehr, der auf Platz {n} sitzen darf.</translation>
    </message>
  </context>
  <context>
    <name>SeatRing</name>
    <message>
      <location filename="../../ui/circle/seat_ring.py" line="129" />
      <source>Free chair</source>
      <translation>Freier Stuhl</translation>
    </message>
    <message>
      <location filename="../../ui/circle/seat_ring.py" line="129" />
      <source>Seat {n}</source>
      <translation>Platz {n}</translation>
    </message>
    <message>
      <location filename="../../ui/circle/seat_ring.py" line="131" />
      <source>{kind} · speaking</source>
      <translation>{kind} · spricht</translation>
    </message>
    <message>
      <location filename="../../ui/circle/seat_ring.py" line="138" />
      <source>empty – drop someone here</source>
      <translation>leer – Person hierher ziehen</translation>
    </message>
    <message>
      <location filename="../../ui/circle/seat_ring.py" line="150" />
      <source>1 free chair</source>
      <translation>1 freier Stuhl</translation>
    </message>
    <message>
      <location filename="../../ui/circle/seat_ring.py" line="150" />
      <source>{n} free chairs</source>
      <translation>{n} freie Stühle</translation>
    </message>
    <message>
      <location filename="../../ui/circle/seat_ring.py" line="151" />
      <source>{panel} panel seats · {chairs}
Drag people onto a seat,
double-click gives the floor</source>
      <translation>{panel} Podiumsplätze · {chairs}
Personen auf einen Platz ziehen,
Doppelklick erteilt das Wort</translation>
    </message>
  </context>
  <context>
    <name>SessionController</name>
    <message>
      <location filename="../../controller/session_controller.py" line="288" />
      <source>Add {name}</source>
      <translation>{name} hinzufügen</translation>
    </message>
    <message>
      <location filename="../../controller/session_controller.py" line="293" />
      <source>Edit {name}</source>
      <translation>{name} bearbeiten</translation>
    </message>
    <message>
      <location filename="../../controller/session_controller.py" line="299" />
      <source>Remove {name}</source>
      <translation>{name} entfernen</translation>
    </message>
    <message>
      <location filename="../../controller/session_controller.py" line="305" />
      <source>Seat {name}</source>
      <translation>{name} Platz nehmen lassen</translation>
    </message>
    <message>
      <location filename="../../controller/session_controller.py" line="318" />
      <source>{name} joins the panel on seat {n}</source>
      <translation>{name} kommt aufs Podium, Platz {n}</translation>
    </message>
    <message>
      <location filename="../../controller/session_controller.py" line="328" />
      <source>Empty seat {n}</source>
      <translation>Platz {n} räumen</translation>
    </message>
    <message>
      <location filename="../../controller/session_controller.py" line="328" />
      <source>Empty the free chair</source>
      <translation>Freien Stuhl räumen</translation>
    </message>
    <message>
      <location filename="../../controller/session_controller.py" line="330" />
      <source>{name} leaves the free chair</source>
      <translation>{name} verlässt den freien Stuhl</translation>
    </message>
    <message>
      <location filename="../../controller/session_controller.py" line="332" />
      <source>{name} leaves seat {n}</source>
      <translation>{name} verlässt Platz {n}</translation>
    </message>
    <message>
      <location filename="../../controller/session_controller.py" line="337" />
      <location filename="../../controller/session_controller.py" line="349" />
      <location filename="../../controller/session_controller.py" line="459" />
      <source>{name} takes seat {n}</source>
      <translation>{name} nimmt Platz {n}</translation>
    </message>
    <message>
      <location filename="../../controller/session_controller.py" line="353" />
      <source>Change the circle</source>
      <translation>Runde ändern</translation>
    </message>
    <message>
      <location filename="../../controller/session_controller.py" line="370" />
      <location filename="../../controller/session_controller.py" line="379" />
      <location filename="../../controller/session_controller.py" line="412" />
      <source>{name} waits for the free chair</source>
      <translation>{name} wartet auf den freien Stuhl</translation>
    </message>
    <message>
      <location filename="../../controller/session_controller.py" line="383" />
      <source>{name} leaves the queue</source>
      <translation>{name} verlässt die Warteliste</translation>
    </message>
    <message>
      <location filename="../../controller/session_controller.py" line="415" />
      <source>Reorder the queue</source>
      <translation>Warteliste umsortieren</translation>
    </message>
    <message>
      <location filename="../../controller/session_controller.py" line="419" />
      <source>Next: {name}</source>
      <translation>Nächste: {name}</translation>
    </message>
    <message>
      <location filename="../../controller/session_controller.py" line="419" />
      <source>Free the chair</source>
      <translation>Freien Stuhl räumen</translation>
    </message>
    <message>
      <location filename="../../controller/session_controller.py" line="443" />
      <source>Close the fishbowl</source>
      <translation>Fishbowl schließen</translation>
    </message>
    <message>
      <location filename="../../controller/session_controller.py" line="444" />
      <source>Open the fishbowl</source>
      <translation>Fishbowl öffnen</translation>
    </message>
    <message>
      <location filename="../../controller/session_controller.py" line="445" />
      <source>Switch to tap-out</source>
      <translation>Auf Tap-out umschalten</translation>
    </message>
    <message>
      <location filename="../../controller/session_controller.py" line="457" />
      <source>{name} replaces {leaving}</source>
      <translation>{name} löst {leaving} ab</translation>
    </message>
    <message>
      <location filename="../../controller/session_controller.py" line="480" />
      <source>Change the queue order</source>
      <translation>Reihenfolge der Warteliste ändern</translation>
    </message>
    <message>
      <location filename="../../controller/session_controller.py" line="485" />
      <source>{name} has the floor</source>
      <translation>{name} hat das Wort</translation>
    </message>
    <message>
      <location filename="../../controller/session_controller.py" line="490" />
      <source>End the turn</source>
      <translation>Redebeitrag beenden</translation>
    </message>
    <message>
      <location filename="../../controller/session_controller.py" line="504" />
      <source>Edit the event</source>
      <translation>Veranstaltung bearbeiten</translation>
    </message>
    <message>
      <location filename="../../controller/session_controller.py" line="507" />
      <source>Change the turn settings</source>
      <translation>Redezeiten ändern</translation>
    </message>
  </context>
  <context>
    <name>SetAside</name>
    <message>
      <location filename="../../ui/widgets/set_aside.py" line="26" />
      <source>a folder</source>
      <translation>ein Ordner</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/set_aside.py" line="27" />
      <source>a named pipe</source>
      <translation>eine benannte Pipe</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/set_aside.py" line="28" />
      <source>a socket</source>
      <translation>ein Socket</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/set_aside.py" line="29" />
      <source>a device</source>
      <translation>ein Gerät</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/set_aside.py" line="31" />
      <source>it is not a file but {what}</source>
      <translation>es ist keine Datei, sondern {what}</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/set_aside.py" line="36" />
      <source>it is damaged (line {line}, column {column})</source>
      <translation>sie ist beschädigt (Zeile {line}, Spalte {column})</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/set_aside.py" line="40" />
      <source>it is far too big ({detail})</source>
      <translation>sie ist viel zu groß ({detail})</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/set_aside.py" line="41" />
      <source>it cannot be read ({detail})</source>
      <translation>sie lässt sich nicht lesen ({detail})</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/set_aside.py" line="42" />
      <source>it is not text</source>
      <translation>sie ist kein Text</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/set_aside.py" line="43" />
      <source>it is damaged</source>
      <translation>sie ist beschädigt</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/set_aside.py" line="44" />
      <source>it is nested far deeper than any file of this program</source>
      <translation>sie ist viel tiefer verschachtelt als jede Datei dieses Programms</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/set_aside.py" line="45" />
      <source>it names “{detail}” twice</source>
      <translation>sie nennt „{detail}“ zweimal</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/set_aside.py" line="46" />
      <source>it holds “{detail}”, which is no number it can use</source>
      <translation>sie enthält „{detail}“, keine verwendbare Zahl</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/set_aside.py" line="47" />
      <source>it was written by a newer Fishbowl Desktop (version {detail})</source>
      <translation>sie stammt aus einer neueren Version von Fishbowl Desktop (Version {detail})</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/set_aside.py" line="50" />
      <source>its value “{detail}” does not fit</source>
      <translation>ihr Wert „{detail}“ passt nicht</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/set_aside.py" line="58" />
      <source>Every preference is back to its default.</source>
      <translation>Alle Einstellungen sind wieder auf ihrem Standardwert.</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/set_aside.py" line="60" />
      <source>Open recent starts empty; the sessions themselves are untouched.</source>
      <translation>„Zuletzt geöffnet“ beginnt leer; die Sitzungen selbst sind unberührt.</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/set_aside.py" line="64" />
      <source>Room → On will make new links: QR codes and links handed out before no longer work (the old ones are in the file set aside).</source>
      <translation>Raum → Raum an erzeugt neue Links: vorher ausgegebene QR-Codes und Links funktionieren nicht mehr (die alten stehen in der beiseitegelegten Datei).</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/set_aside.py" line="69" />
      <source>If the last evening did not close properly, open it under File → Open recent.</source>
      <translation>Falls der letzte Abend nicht ordnungsgemäß beendet wurde, öffnen Sie ihn unter Datei → Zuletzt geöffnet.</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/set_aside.py" line="76" />
      <source>{file} was set aside as {aside}: {reason}. {reset}</source>
      <translation>{file} wurde als {aside} beiseitegelegt: {reason}. {reset}</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/set_aside.py" line="82" />
      <source>{file} cannot be used: {reason}, and it could not be moved aside. {reset}</source>
      <translation>{file} ist nicht verwendbar: {reason}, und sie ließ sich nicht beiseitelegen. {reset}</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/set_aside.py" line="93" />
      <source>Fishbowl Desktop keeps its own small files in {folder}.</source>
      <translation>Fishbowl Desktop bewahrt seine eigenen kleinen Dateien in {folder} auf.</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/set_aside.py" line="101" />
      <source>Kept as: {path}</source>
      <translation>Aufbewahrt als: {path}</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/set_aside.py" line="103" />
      <source>Nothing was deleted.</source>
      <translation>Nichts wurde gelöscht.</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/set_aside.py" line="112" />
      <source>Files set aside</source>
      <translation>Beiseitegelegte Dateien</translation>
    </message>
    <message>
      <location filename="../../ui/shell/set_aside.py" line="27" />
      <source>Details…</source>
      <translation>Details…</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="../../ui/shell/settings_dialog.py" line="55" />
      <source>Preferences</source>
      <translation>Voreinstellungen</translation>
    </message>
    <message>
      <location filename="../../ui/shell/settings_dialog.py" line="77" />
      <source> s</source>
      <translation> s</translation>
    </message>
    <message>
      <location filename="../../ui/shell/settings_dialog.py" line="85" />
      <source>Start the time of the next free-chair speaker at once</source>
      <translation>Die Redezeit der nächsten Person auf dem freien Stuhl sofort starten</translation>
    </message>
    <message>
      <location filename="../../ui/shell/settings_dialog.py" line="89" />
      <source>Speaking time, panel</source>
      <translation>Redezeit Podium</translation>
    </message>
    <message>
      <location filename="../../ui/shell/settings_dialog.py" line="90" />
      <source>Speaking time, free chair</source>
      <translation>Redezeit freier Stuhl</translation>
    </message>
    <message>
      <location filename="../../ui/shell/settings_dialog.py" line="91" />
      <source>Warning before the end</source>
      <translation>Hinweis vor dem Ende</translation>
    </message>
    <message>
      <location filename="../../ui/shell/settings_dialog.py" line="92" />
      <source>Queue order</source>
      <translation>Reihenfolge der Warteliste</translation>
    </message>
    <message>
      <location filename="../../ui/shell/settings_dialog.py" line="94" />
      <source>New sessions start with</source>
      <translation>Neue Sitzungen beginnen mit</translation>
    </message>
    <message>
      <location filename="../../ui/shell/settings_dialog.py" line="100" />
      <source>Soft chime at the warning and at zero (the colours change anyway)</source>
      <translation>Leiser Gong beim Hinweis und bei null (die Farben wechseln ohnehin)</translation>
    </message>
    <message>
      <location filename="../../ui/shell/settings_dialog.py" line="104" />
      <source>Ask</source>
      <translation>Nachfragen</translation>
    </message>
    <message>
      <location filename="../../ui/shell/settings_dialog.py" line="105" />
      <source>Move the projector there</source>
      <translation>Projektor dorthin verschieben</translation>
    </message>
    <message>
      <location filename="../../ui/shell/settings_dialog.py" line="106" />
      <source>Stay where it is</source>
      <translation>Projektor bleibt, wo er ist</translation>
    </message>
    <message>
      <location filename="../../ui/shell/settings_dialog.py" line="113" />
      <source>Show first names only</source>
      <translation>Nur Vornamen zeigen</translation>
    </message>
    <message>
      <location filename="../../ui/shell/settings_dialog.py" line="115" />
      <source>Flash the frame in overtime</source>
      <translation>Rahmen bei Überziehung blinken lassen</translation>
    </message>
    <message>
      <location filename="../../ui/shell/settings_dialog.py" line="117" />
      <source>Blank (B) makes the projector completely black, without the title</source>
      <translation>Ausblenden (B) macht den Projektor ganz schwarz, ohne Titel</translation>
    </message>
    <message>
      <location filename="../../ui/shell/settings_dialog.py" line="122" />
      <source>When a beamer is plugged in</source>
      <translation>Wenn ein Beamer angeschlossen wird</translation>
    </message>
    <message>
      <location filename="../../ui/shell/settings_dialog.py" line="123" />
      <source>Waiting people shown</source>
      <translation>Gezeigte Wartende</translation>
    </message>
    <message>
      <location filename="../../ui/shell/settings_dialog.py" line="127" />
      <source>Timer and projector</source>
      <translation>Redezeit und Projektor</translation>
    </message>
    <message>
      <location filename="../../ui/shell/settings_dialog.py" line="134" />
      <source>Follow the system</source>
      <translation>Wie das System</translation>
    </message>
    <message>
      <location filename="../../ui/shell/settings_dialog.py" line="138" />
      <source>New sessions are saved here; the open session stays where it is.</source>
      <translation>Neue Sitzungen werden hier gespeichert; die offene Sitzung bleibt, wo sie ist.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/settings_dialog.py" line="139" />
      <source>Choose…</source>
      <translation>Auswählen…</translation>
    </message>
    <message>
      <location filename="../../ui/shell/settings_dialog.py" line="141" />
      <source>Default</source>
      <translation>Standard</translation>
    </message>
    <message>
      <location filename="../../ui/shell/settings_dialog.py" line="148" />
      <source>Language (from the next start)</source>
      <translation>Sprache (ab dem nächsten Start)</translation>
    </message>
    <message>
      <location filename="../../ui/shell/settings_dialog.py" line="149" />
      <source>Sessions folder</source>
      <translation>Sitzungsordner</translation>
    </message>
    <message>
      <location filename="../../ui/shell/settings_dialog.py" line="150" />
      <source>Language and files</source>
      <translation>Sprache und Dateien</translation>
    </message>
    <message>
      <location filename="../../ui/shell/settings_dialog.py" line="155" />
      <source>Folder for new sessions</source>
      <translation>Ordner für neue Sitzungen</translation>
    </message>
    <message>
      <location filename="../../ui/shell/settings_dialog.py" line="189" />
      <source>New sessions cannot be saved in {folder}: {reason}. Choose a folder you can write to, for example in your documents; nothing has been changed.</source>
      <translation>Neue Sitzungen können nicht in {folder} gespeichert werden: {reason}. Wählen Sie einen Ordner, in den Sie schreiben dürfen, etwa unter Ihren Dokumenten; es wurde nichts geändert.</translation>
    </message>
  </context>
  <context>
    <name>Shortcuts</name>
    <message>
      <location filename="../../commands.py" line="134" />
      <source>Speaker timer</source>
      <translation>Redezeit</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="135" />
      <source>Free-chair queue</source>
      <translation>Warteliste für den freien Stuhl</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="136" />
      <source>Inner circle (when it has the focus)</source>
      <translation>Innenkreis (wenn er ausgewählt ist)</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="137" />
      <source>Format: closed, open, tap-out</source>
      <translation>Format: geschlossen, offen, Tap-out</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="138" />
      <source>Projector</source>
      <translation>Projektor</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="139" />
      <source>Session and editing</source>
      <translation>Sitzung und Bearbeiten</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="146" />
      <source>Start or pause the speaker's time</source>
      <translation>Redezeit starten oder anhalten</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="156" />
      <source>Give 30 seconds more</source>
      <translation>30 Sekunden mehr geben</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="166" />
      <source>Take 30 seconds away</source>
      <translation>30 Sekunden abziehen</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="176" />
      <source>End the turn (it is logged; the speaker stays seated)</source>
      <translation>Beitrag beenden (wird protokolliert; die Person bleibt sitzen)</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="185" />
      <source>Reset: the full time again, paused (time spoken stays in the log)</source>
      <translation>Zurücksetzen: wieder die volle Zeit, angehalten (die schon gesprochene Zeit bleibt im Protokoll)</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="194" />
      <source>Pause the discussion's clock for a break, or run it again</source>
      <translation>Die Diskussionsuhr für eine Pause anhalten oder weiterlaufen lassen</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="203" />
      <source>Next on the free chair (one out, one in)</source>
      <translation>Nächste Person auf den freien Stuhl (eine geht, eine kommt)</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="213" />
      <source>Tap-out: the next person replaces the speaker you pick (N in tap-out)</source>
      <translation>Tap-out: Die nächste Person löst die Person ab, die Sie wählen (N im Tap-out)</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="222" />
      <source>Closed fishbowl: the inner circle stays as it is, the audience listens</source>
      <translation>Geschlossene Fishbowl: Der Innenkreis bleibt, wie er ist, das Publikum hört zu</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="232" />
      <source>Open fishbowl: the audience comes in through a free chair</source>
      <translation>Offene Fishbowl: Das Publikum kommt über einen freien Stuhl herein</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="242" />
      <source>Tap-out fishbowl: a newcomer replaces a speaker you pick</source>
      <translation>Tap-out-Fishbowl: Eine neue Person löst eine Person ab, die Sie wählen</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="251" />
      <source>Type a name for the queue (Esc leaves the field)</source>
      <translation>Namen für die Warteliste eintippen (Esc verlässt das Feld)</translation>
    </message>
    <message>
      <location filename="../../ui/shell/shortcuts.py" line="42" />
      <source>Move the selected person up or down</source>
      <translation>Ausgewählte Person nach oben oder unten</translation>
    </message>
    <message>
      <location filename="../../ui/shell/shortcuts.py" line="44" />
      <source>Remove the selected person from the queue</source>
      <translation>Ausgewählte Person von der Warteliste nehmen</translation>
    </message>
    <message>
      <location filename="../../ui/shell/shortcuts.py" line="48" />
      <source>In the name field: add that person to the queue (new names too)</source>
      <translation>Im Namensfeld: die Person auf die Warteliste setzen (auch neue Namen)</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="263" />
      <source>Back to the inner circle (also Esc in the queue)</source>
      <translation>Zurück zum Innenkreis (auch Esc in der Warteliste)</translation>
    </message>
    <message>
      <location filename="../../ui/shell/shortcuts.py" line="51" />
      <source>Pick the previous or next seat</source>
      <translation>Vorigen oder nächsten Platz wählen</translation>
    </message>
    <message>
      <location filename="../../ui/shell/shortcuts.py" line="55" />
      <source>Give the floor to the person on the seat (empty seat: Seat…)</source>
      <translation>Der Person auf dem Platz das Wort erteilen (leerer Platz: Platz besetzen…)</translation>
    </message>
    <message>
      <location filename="../../ui/shell/shortcuts.py" line="58" />
      <source>Seat…: choose who sits on this seat</source>
      <translation>Platz besetzen…: wählen, wer hier sitzt</translation>
    </message>
    <message>
      <location filename="../../ui/shell/shortcuts.py" line="60" />
      <source>Empty the seat (the person returns to the audience)</source>
      <translation>Platz räumen (die Person geht zurück ins Publikum)</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="257" />
      <source>Order of the queue: choose and sort its rules, or take a preset</source>
      <translation>Reihenfolge der Warteliste: Regeln wählen und sortieren oder eine Vorlage nehmen</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="268" />
      <source>Show or hide the projector window</source>
      <translation>Projektorfenster zeigen oder verbergen</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="272" />
      <source>Blank the projector (press again to show)</source>
      <translation>Projektor ausblenden (noch einmal drücken zum Zeigen)</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="281" />
      <source>Show a message on the projector</source>
      <translation>Eine Nachricht auf dem Projektor zeigen</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="288" />
      <source>Undo (a remote's back button)</source>
      <translation>Rückgängig (Zurück-Taste der Fernbedienung)</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="289" />
      <source>Redo</source>
      <translation>Wiederherstellen</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="290" />
      <source>Search the participant list</source>
      <translation>In der Teilnehmendenliste suchen</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="291" />
      <source>New session</source>
      <translation>Neue Sitzung</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="292" />
      <source>Open a session file</source>
      <translation>Eine Sitzungsdatei öffnen</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="294" />
      <source>Save the session under another name</source>
      <translation>Die Sitzung unter anderem Namen speichern</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="298" />
      <source>Export a PDF (handout, attendees, report)</source>
      <translation>PDF exportieren (Handzettel, Teilnahmeliste, Bericht)</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="304" />
      <source>Event and fishbowl settings (title, questions, circle, times)</source>
      <translation>Veranstaltung und Fishbowl-Einstellungen (Titel, Fragen, Runde, Zeiten)</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="308" />
      <source>Preferences of this program</source>
      <translation>Einstellungen dieses Programms</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="309" />
      <source>This list of shortcuts</source>
      <translation>Diese Liste der Tastenkürzel</translation>
    </message>
    <message>
      <location filename="../../commands.py" line="310" />
      <source>Quit (the session is saved)</source>
      <translation>Beenden (die Sitzung wird gespeichert)</translation>
    </message>
  </context>
  <context>
    <name>ShortcutsDialog</name>
    <message>
      <location filename="../../ui/shell/help_dialog.py" line="30" />
      <source>Keyboard shortcuts</source>
      <translation>Tastenkürzel</translation>
    </message>
    <message>
      <location filename="../../ui/shell/help_dialog.py" line="32" />
      <source>Keys</source>
      <translation>Tasten</translation>
    </message>
    <message>
      <location filename="../../ui/shell/help_dialog.py" line="32" />
      <source>What it does</source>
      <translation>Was sie bewirkt</translation>
    </message>
  </context>
  <context>
    <name>StagePanel</name>
    <message>
      <location filename="../../ui/projector/stage_panel.py" line="39" />
      <source>The guiding question or agenda item shown above the timer</source>
      <translation>Die Leitfrage oder der Programmpunkt über der Redezeit</translation>
    </message>
    <message>
      <location filename="../../ui/projector/stage_panel.py" line="44" />
      <source>Message for the room, e.g. “Please come to an end” + Enter</source>
      <translation>Hinweis für den Saal, z. B. „Bitte zum Schluss kommen“ + Enter</translation>
    </message>
    <message>
      <location filename="../../ui/projector/stage_panel.py" line="51" />
      <source>Pin</source>
      <translation>Anheften</translation>
    </message>
    <message>
      <location filename="../../ui/projector/stage_panel.py" line="54" />
      <source>Keep the message up for the next speakers too; unpinned, it is cleared when the current turn ends</source>
      <translation>Die Meldung auch für die nächsten Redenden stehen lassen; nicht angeheftet verschwindet sie, wenn der aktuelle Redebeitrag endet</translation>
    </message>
    <message>
      <location filename="../../ui/projector/stage_panel.py" line="59" />
      <source>Blank (B)</source>
      <translation>Ausblenden (B)</translation>
    </message>
    <message>
      <location filename="../../ui/projector/stage_panel.py" line="61" />
      <source>Show only the event title on the projector</source>
      <translation>Am Projektor nur den Titel der Veranstaltung zeigen</translation>
    </message>
    <message>
      <location filename="../../ui/projector/stage_panel.py" line="68" />
      <source> min</source>
      <translation> Min.</translation>
    </message>
    <message>
      <location filename="../../ui/projector/stage_panel.py" line="69" />
      <location filename="../../ui/projector/stage_panel.py" line="177" />
      <source>Countdown</source>
      <translation>Countdown</translation>
    </message>
    <message>
      <location filename="../../ui/projector/stage_panel.py" line="75" />
      <source>Before the start: “We begin in 4:59” while nobody has the floor; later in the evening it asks first and counts down to the end of a break</source>
      <translation>Vor Beginn: „Wir beginnen in 4:59“, solange niemand das Wort hat; später am Abend fragt er erst und zählt bis zum Ende einer Pause</translation>
    </message>
    <message>
      <location filename="../../ui/projector/stage_panel.py" line="169" />
      <source>when the current turn ends</source>
      <translation>sobald der laufende Beitrag endet</translation>
    </message>
    <message>
      <location filename="../../ui/projector/stage_panel.py" line="171" />
      <source>at once, while nobody has the floor</source>
      <translation>sofort, solange niemand das Wort hat</translation>
    </message>
    <message>
      <location filename="../../ui/projector/stage_panel.py" line="179" />
      <source>The evening has already begun. Start a countdown of {minutes} min for a break? The projector shows “We continue in …” {when}.</source>
      <translation>Der Abend hat schon begonnen. Einen Countdown von {minutes} Min. für eine Pause starten? Der Projektor zeigt „Weiter geht es in …“ {when}.</translation>
    </message>
    <message>
      <location filename="../../ui/projector/stage_panel.py" line="188" />
      <source>Start countdown</source>
      <translation>Countdown starten</translation>
    </message>
    <message>
      <location filename="../../ui/projector/stage_panel.py" line="88" />
      <source>Start in</source>
      <translation>Beginn in</translation>
    </message>
    <message>
      <location filename="../../ui/projector/stage_panel.py" line="95" />
      <source>Topic</source>
      <translation>Thema</translation>
    </message>
    <message>
      <location filename="../../ui/projector/stage_panel.py" line="97" />
      <source>Message</source>
      <translation>Hinweis</translation>
    </message>
    <message>
      <location filename="../../ui/projector/stage_panel.py" line="116" />
      <source>— no topic shown —</source>
      <translation>— kein Thema anzeigen —</translation>
    </message>
  </context>
  <context>
    <name>StatsPanel</name>
    <message>
      <location filename="../../ui/people/stats_panel.py" line="105" />
      <source>Speaking time</source>
      <translation>Redezeit</translation>
    </message>
    <message>
      <location filename="../../ui/people/stats_panel.py" line="167" />
      <source>By role</source>
      <translation>Nach Rolle</translation>
    </message>
    <message>
      <location filename="../../ui/people/stats_panel.py" line="169" />
      <source>By group</source>
      <translation>Nach Gruppe</translation>
    </message>
    <message>
      <location filename="../../ui/people/stats_panel.py" line="174" />
      <source>Most speaking time</source>
      <translation>Meiste Redezeit</translation>
    </message>
    <message>
      <location filename="../../ui/people/stats_panel.py" line="195" />
      <source>Turns: {n}</source>
      <translation>Beiträge: {n}</translation>
    </message>
    <message>
      <location filename="../../ui/people/stats_panel.py" line="238" />
      <source>1 accidental turn under {seconds} s left out, as in the report</source>
      <translation>1 versehentlicher Beitrag unter {seconds} s nicht gezählt, wie im Bericht</translation>
    </message>
    <message>
      <location filename="../../ui/people/stats_panel.py" line="240" />
      <source>{n} accidental turns under {seconds} s left out, as in the report</source>
      <translation>{n} versehentliche Beiträge unter {seconds} s nicht gezählt, wie im Bericht</translation>
    </message>
    <message>
      <location filename="../../ui/people/stats_panel.py" line="245" />
      <source>Total: {time}</source>
      <translation>Gesamt: {time}</translation>
    </message>
    <message>
      <location filename="../../ui/people/stats_panel.py" line="247" />
      <source>Turns: {n}, from the free chair: {free}</source>
      <translation>Beiträge: {n}, davon vom freien Stuhl: {free}</translation>
    </message>
    <message>
      <location filename="../../ui/people/stats_panel.py" line="266" />
      <source>(no group)</source>
      <translation>(ohne Gruppe)</translation>
    </message>
    <message>
      <location filename="../../ui/people/stats_panel.py" line="279" />
      <source>(removed)</source>
      <translation>(entfernt)</translation>
    </message>
    <message>
      <location filename="../../ui/people/stats_panel.py" line="281" />
      <source>{rank}. {name} – {time} ({n}×)</source>
      <translation>{rank}. {name} – {time} ({n}×)</translation>
    </message>
    <message>
      <location filename="../../ui/people/stats_panel.py" line="285" />
      <source>Nobody has spoken yet.</source>
      <translation>Noch hat niemand gesprochen.</translation>
    </message>
  </context>
  <context>
    <name>SwitchNotice</name>
    <message>
      <location filename="../../ui/shell/switch_notice.py" line="28" />
      <source>Opening the session</source>
      <translation>Sitzung wird geöffnet</translation>
    </message>
    <message>
      <location filename="../../ui/shell/switch_notice.py" line="29" />
      <source>Preparing the list of {n} people…</source>
      <translation>Die Liste mit {n} Personen wird vorbereitet…</translation>
    </message>
  </context>
  <context>
    <name>TimerPanel</name>
    <message>
      <location filename="../../ui/timer/timer_panel.py" line="77" />
      <source>+30 s</source>
      <translation>+30 s</translation>
    </message>
    <message>
      <location filename="../../ui/timer/timer_panel.py" line="78" />
      <source>Give 30 seconds more (+)</source>
      <translation>30 Sekunden mehr geben (+)</translation>
    </message>
    <message>
      <location filename="../../ui/timer/timer_panel.py" line="80" />
      <source>−30 s</source>
      <translation>−30 s</translation>
    </message>
    <message>
      <location filename="../../ui/timer/timer_panel.py" line="81" />
      <source>Take 30 seconds away (−)</source>
      <translation>30 Sekunden abziehen (−)</translation>
    </message>
    <message>
      <location filename="../../ui/timer/timer_panel.py" line="83" />
      <source>Reset</source>
      <translation>Zurücksetzen</translation>
    </message>
    <message>
      <location filename="../../ui/timer/timer_panel.py" line="88" />
      <source>End turn</source>
      <translation>Beitrag beenden</translation>
    </message>
    <message>
      <location filename="../../ui/timer/timer_panel.py" line="85" />
      <source>Back to the full speaking time, paused; what was said stays in the log (Ctrl+R)</source>
      <translation>Zurück zur vollen Redezeit, angehalten; das schon Gesagte bleibt im Protokoll (Strg+R)</translation>
    </message>
    <message>
      <location filename="../../ui/timer/timer_panel.py" line="89" />
      <source>The turn is logged; the speaker stays seated (Ctrl+T)</source>
      <translation>Der Beitrag wird protokolliert; die Person bleibt sitzen (Strg+T)</translation>
    </message>
    <message>
      <location filename="../../ui/timer/timer_panel.py" line="91" />
      <source>Next ▸</source>
      <translation>Nächste ▸</translation>
    </message>
    <message>
      <location filename="../../ui/timer/timer_panel.py" line="92" />
      <source>One out, one in on the free chair (N or PageDown)</source>
      <translation>Eine geht, eine kommt auf dem freien Stuhl (N oder Bild runter)</translation>
    </message>
    <message>
      <location filename="../../ui/timer/timer_panel.py" line="136" />
      <source>Ready for the next speaker</source>
      <translation>Bereit für den nächsten Beitrag</translation>
    </message>
    <message>
      <location filename="../../ui/timer/timer_panel.py" line="138" />
      <source>Ready: press Start (Space)</source>
      <translation>Bereit: Start drücken (Leertaste)</translation>
    </message>
    <message>
      <location filename="../../ui/timer/timer_panel.py" line="140" />
      <source>Time is up · {over} over time</source>
      <translation>Zeit ist um · {over} überzogen</translation>
    </message>
    <message>
      <location filename="../../ui/timer/timer_panel.py" line="144" />
      <source>{seconds} seconds left</source>
      <translation>noch {seconds} Sekunden</translation>
    </message>
    <message>
      <location filename="../../ui/timer/timer_panel.py" line="144" />
      <source>1 second left</source>
      <translation>noch 1 Sekunde</translation>
    </message>
    <message>
      <location filename="../../ui/timer/timer_panel.py" line="147" />
      <source>Paused</source>
      <translation>Angehalten</translation>
    </message>
    <message>
      <location filename="../../ui/timer/timer_panel.py" line="149" />
      <source>Speaking</source>
      <translation>Spricht</translation>
    </message>
    <message>
      <location filename="../../ui/timer/timer_panel.py" line="151" />
      <source>Paused · {state}</source>
      <translation>Angehalten · {state}</translation>
    </message>
    <message>
      <location filename="../../ui/timer/timer_panel.py" line="174" />
      <source>Free chair</source>
      <translation>Freier Stuhl</translation>
    </message>
    <message>
      <location filename="../../ui/timer/timer_panel.py" line="174" />
      <source>Panel</source>
      <translation>Podium</translation>
    </message>
    <message>
      <location filename="../../ui/timer/timer_panel.py" line="176" />
      <source>{where} · {minutes} allotted</source>
      <translation>{where} · {minutes} Redezeit</translation>
    </message>
    <message>
      <location filename="../../ui/timer/timer_panel.py" line="179" />
      <source>Nobody has the floor</source>
      <translation>Niemand hat das Wort</translation>
    </message>
    <message>
      <location filename="../../ui/timer/timer_panel.py" line="180" />
      <source>Double-click a seat or press Enter on it: the floor and the time start</source>
      <translation>Doppelklick auf einen Platz oder Enter: Wort erteilt, die Zeit läuft</translation>
    </message>
    <message>
      <location filename="../../ui/timer/timer_panel.py" line="188" />
      <source>Pause (Space)</source>
      <translation>Anhalten (Leertaste)</translation>
    </message>
    <message>
      <location filename="../../ui/timer/timer_panel.py" line="188" />
      <source>Start (Space)</source>
      <translation>Start (Leertaste)</translation>
    </message>
  </context>
  <context>
    <name>WelcomePanel</name>
    <message>
      <location filename="../../ui/shell/welcome.py" line="34" />
      <source>Welcome to Fishbowl Desktop</source>
      <translation>Willkommen bei Fishbowl Desktop</translation>
    </message>
    <message>
      <location filename="../../ui/shell/welcome.py" line="38" />
      <source>Everything stays on this laptop. Start with an empty session for your own event, or open the sample evening (a civic fishbowl in Hannover, halfway through) and try things out: nothing there can go wrong.</source>
      <translation>Alles bleibt auf diesem Laptop. Beginnen Sie mit einer leeren Sitzung für Ihre eigene Veranstaltung, oder öffnen Sie den Beispielabend (eine Bürger-Fishbowl in Hannover, mittendrin) und probieren Sie alles aus: Dort kann nichts schiefgehen.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/welcome.py" line="47" />
      <source>New session</source>
      <translation>Neue Sitzung</translation>
    </message>
    <message>
      <location filename="../../ui/shell/welcome.py" line="48" />
      <source>Open the sample evening</source>
      <translation>Beispielabend öffnen</translation>
    </message>
    <message>
      <location filename="../../ui/shell/welcome.py" line="52" />
      <source>Close the welcome</source>
      <translation>Begrüßung schließen</translation>
    </message>
    <message>
      <location filename="../../ui/shell/welcome.py" line="75" />
      <source>&lt;b&gt;Double-click a seat&lt;/b&gt; to give that person the floor: their time starts at once. &lt;b&gt;Space&lt;/b&gt; pauses and resumes it, &lt;b&gt;+&lt;/b&gt; and &lt;b&gt;−&lt;/b&gt; give or take 30 seconds.</source>
      <translation>&lt;b&gt;Doppelklick auf einen Platz&lt;/b&gt; erteilt der Person das Wort: ihre Zeit läuft sofort. &lt;b&gt;Leertaste&lt;/b&gt; hält sie an und lässt sie weiterlaufen, &lt;b&gt;+&lt;/b&gt; und &lt;b&gt;−&lt;/b&gt; geben oder nehmen 30 Sekunden.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/welcome.py" line="79" />
      <source>Type a name into the &lt;b&gt;queue's name field&lt;/b&gt; (Ctrl+E) and press Enter: they wait for the free chair. &lt;b&gt;N&lt;/b&gt; calls the next one.</source>
      <translation>Einen Namen ins &lt;b&gt;Namensfeld der Warteliste&lt;/b&gt; tippen (Strg+E) und Enter drücken: Die Person wartet auf den freien Stuhl. &lt;b&gt;N&lt;/b&gt; ruft die nächste auf.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/welcome.py" line="82" />
      <source>&lt;b&gt;F5&lt;/b&gt; shows the projector, &lt;b&gt;B&lt;/b&gt; blanks it; &lt;b&gt;Ctrl+Z&lt;/b&gt; undoes any step.</source>
      <translation>&lt;b&gt;F5&lt;/b&gt; zeigt den Projektor, &lt;b&gt;B&lt;/b&gt; schaltet ihn schwarz; &lt;b&gt;Strg+Z&lt;/b&gt; macht jeden Schritt rückgängig.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/welcome.py" line="83" />
      <source>All keys: &lt;b&gt;Help → Keyboard shortcuts&lt;/b&gt; (F1). Your defaults: &lt;b&gt;Edit → Preferences&lt;/b&gt;.</source>
      <translation>Alle Tasten: &lt;b&gt;Hilfe → Tastenkürzel&lt;/b&gt; (F1). Ihre Vorgaben: &lt;b&gt;Bearbeiten → Voreinstellungen&lt;/b&gt;.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/welcome.py" line="89" />
      <source>The sample evening is open: try it</source>
      <translation>Der Beispielabend ist offen: Probieren Sie ihn aus</translation>
    </message>
    <message>
      <location filename="../../ui/shell/welcome.py" line="92" />
      <source>Got it</source>
      <translation>Verstanden</translation>
    </message>
  </context>
  <context>
    <name>WhoLeavesDialog</name>
    <message>
      <location filename="../../ui/circle/seat_dialogs.py" line="156" />
      <source>Keep one chair free</source>
      <translation>Einen Stuhl frei halten</translation>
    </message>
    <message>
      <location filename="../../ui/circle/seat_dialogs.py" line="157" />
      <source>{name} takes the last empty chair. Who leaves the circle?</source>
      <translation>{name} nimmt den letzten leeren Stuhl. Wer verlässt die Runde?</translation>
    </message>
    <message>
      <location filename="../../ui/circle/seat_dialogs.py" line="166" />
      <source>{name} (seat {n})</source>
      <translation>{name} (Platz {n})</translation>
    </message>
  </context>
  <context>
    <name>FishbowlError</name>
    <message>
      <source>Arrival always decides last; it is not a rule of its own in the chain.</source>
      <translation>Die Ankunft entscheidet immer zuletzt; sie ist keine eigene Regel in der Reihenfolge.</translation>
    </message>
    <message>
      <source>Each rule may appear only once in the queue's order.</source>
      <translation>Jede Regel darf in der Reihenfolge nur einmal vorkommen.</translation>
    </message>
    <message>
      <source>“{text}” holds a broken character ({code}, half of a pair) that a session cannot keep; remove it.</source>
      <translation>„{text}“ enthält ein beschädigtes Zeichen ({code}, eine halbe Zeichenfolge), das eine Sitzung nicht speichern kann; bitte entfernen.</translation>
    </message>
    <message>
      <source>“{text}” holds an invisible control character ({code}) that a session cannot keep; remove it.</source>
      <translation>„{text}“ enthält ein unsichtbares Steuerzeichen ({code}), das eine Sitzung nicht speichern kann; bitte entfernen.</translation>
    </message>
    <message>
      <source>An agenda item needs a title.</source>
      <translation>Ein Programmpunkt braucht einen Titel.</translation>
    </message>
    <message>
      <source>Agenda item “{title}”: planned minutes must be between 0 and 1440.</source>
      <translation>Programmpunkt „{title}“: die geplanten Minuten müssen zwischen 0 und 1440 liegen.</translation>
    </message>
    <message>
      <source>The event needs a title.</source>
      <translation>Die Veranstaltung braucht einen Titel.</translation>
    </message>
    <message>
      <source>Language must be one of {choices}, not “{language}”.</source>
      <translation>Die Sprache muss eine von {choices} sein, nicht „{language}“.</translation>
    </message>
    <message>
      <source>The date must lie between the years {first} and {last}.</source>
      <translation>Das Datum muss zwischen den Jahren {first} und {last} liegen.</translation>
    </message>
    <message>
      <source>The event must end after it starts.</source>
      <translation>Die Veranstaltung muss nach ihrem Beginn enden.</translation>
    </message>
    <message>
      <source>The organiser must be one of {choices}, not “{kind}”.</source>
      <translation>Der Veranstalter muss eines von {choices} sein, nicht „{kind}“.</translation>
    </message>
    <message>
      <source>The projector's second language must be one of {choices}, not “{language}”.</source>
      <translation>Die zweite Sprache der Leinwand muss eine von {choices} sein, nicht „{language}“.</translation>
    </message>
    <message>
      <source>Photos must be one of {choices}, not “{policy}”.</source>
      <translation>Fotos muss eines von {choices} sein, nicht „{policy}“.</translation>
    </message>
    <message>
      <source>Age groups: at most {n}, each 1 to 20 characters (like “27–64”).</source>
      <translation>Altersgruppen: höchstens {n}, jede 1 bis 20 Zeichen (wie „27–64“).</translation>
    </message>
    <message>
      <source>A guiding question cannot be empty.</source>
      <translation>Eine Leitfrage darf nicht leer sein.</translation>
    </message>
    <message>
      <source>Two participants share one id.</source>
      <translation>Zwei Teilnehmende haben dieselbe Kennung.</translation>
    </message>
    <message>
      <source>Someone sits on two seats at once.</source>
      <translation>Jemand sitzt auf zwei Plätzen zugleich.</translation>
    </message>
    <message>
      <source>A seat is taken by someone who is not on the participant list.</source>
      <translation>Auf einem Platz sitzt jemand, der nicht auf der Teilnehmendenliste steht.</translation>
    </message>
    <message>
      <source>The circle needs between 1 and {n} seats.</source>
      <translation>Die Runde braucht zwischen 1 und {n} Plätze.</translation>
    </message>
    <message>
      <source>Someone waits twice in the free-chair queue.</source>
      <translation>Jemand steht zweimal auf der Warteliste.</translation>
    </message>
    <message>
      <source>Someone in the queue is not on the participant list.</source>
      <translation>Jemand auf der Warteliste steht nicht auf der Teilnehmendenliste.</translation>
    </message>
    <message>
      <source>Someone is both seated and waiting for the free chair.</source>
      <translation>Jemand sitzt und wartet zugleich auf den freien Stuhl.</translation>
    </message>
    <message>
      <source>The projector shows a question that does not exist.</source>
      <translation>Der Projektor zeigt eine Frage, die es nicht gibt.</translation>
    </message>
    <message>
      <source>The current speaker is not in the seat the turn names.</source>
      <translation>Die sprechende Person sitzt nicht auf dem Platz des Redebeitrags.</translation>
    </message>
    <message>
      <source>The fishbowl is closed: the audience listens. Open it to let the next person in.</source>
      <translation>Die Fishbowl ist geschlossen: Das Publikum hört zu. Öffnen Sie sie, damit die nächste Person hereinkommt.</translation>
    </message>
    <message>
      <source>Tap-out: pick the speaker whom the next person replaces.</source>
      <translation>Tap-out: Wählen Sie, wen die nächste Person ablöst.</translation>
    </message>
    <message>
      <source>The circle has {n} seats and no free chair: remove a panel seat first (Event and fishbowl settings).</source>
      <translation>Der Kreis hat {n} Plätze und keinen freien Stuhl: Entfernen Sie zuerst einen Podiumsplatz (Veranstaltung und Fishbowl-Einstellungen).</translation>
    </message>
    <message>
      <source>There is no seat {n}.</source>
      <translation>Es gibt keinen Platz {n}.</translation>
    </message>
    <message>
      <source>{name} moderates and keeps the seat.</source>
      <translation>{name} moderiert und behält den Platz.</translation>
    </message>
    <message>
      <source>A participant needs an id.</source>
      <translation>Eine teilnehmende Person braucht eine Kennung.</translation>
    </message>
    <message>
      <source>A participant needs a name.</source>
      <translation>Eine teilnehmende Person braucht einen Namen.</translation>
    </message>
    <message>
      <source>A name may have at most {n} characters.</source>
      <translation>Ein Name darf höchstens {n} Zeichen haben.</translation>
    </message>
    <message>
      <source>An organisation may have at most {n} characters.</source>
      <translation>Eine Organisation darf höchstens {n} Zeichen haben.</translation>
    </message>
    <message>
      <source>A language may have at most {n} characters.</source>
      <translation>Eine Sprache darf höchstens {n} Zeichen haben.</translation>
    </message>
    <message>
      <source>Unknown role “{role}”.</source>
      <translation>Unbekannte Rolle „{role}“.</translation>
    </message>
    <message>
      <source>A speaker's time is running. Forget personal data after the event: pause it first.</source>
      <translation>Eine Redezeit läuft. Personenbezogene Daten werden nach der Veranstaltung vergessen: Halten Sie die Redezeit zuerst an.</translation>
    </message>
    <message>
      <source>There is no personal data to forget: the participant list is empty.</source>
      <translation>Es gibt keine personenbezogenen Daten zu vergessen: Die Teilnehmendenliste ist leer.</translation>
    </message>
    <message>
      <source>A wait cannot last a negative time.</source>
      <translation>Eine Wartezeit kann nicht negativ sein.</translation>
    </message>
    <message>
      <source>Unknown outcome of a request.</source>
      <translation>Unbekannter Ausgang einer Anfrage.</translation>
    </message>
    <message>
      <source>{name} is in the audience: in this format only the free chair is open to the audience.</source>
      <translation>{name} gehört zum Publikum: in diesem Format steht dem Publikum nur der freie Stuhl offen.</translation>
    </message>
    <message>
      <source>An open fishbowl needs at least one free chair; a closed one may have none.</source>
      <translation>Eine offene Fishbowl braucht mindestens einen freien Stuhl; eine geschlossene darf keinen haben.</translation>
    </message>
    <message>
      <source>{name} still sits in seat {n}; unseat them first.</source>
      <translation>{name} sitzt noch auf Platz {n}; bitte zuerst den Platz räumen.</translation>
    </message>
    <message>
      <source>That person is not on the participant list.</source>
      <translation>Diese Person steht nicht auf der Teilnehmendenliste.</translation>
    </message>
    <message>
      <source>{name} is already on the list.</source>
      <translation>{name} steht bereits auf der Liste.</translation>
    </message>
    <message>
      <source>Seat {n} is taken by {name}.</source>
      <translation>Auf Platz {n} sitzt {name}.</translation>
    </message>
    <message>
      <source>{name} is already waiting for the free chair.</source>
      <translation>{name} wartet bereits auf den freien Stuhl.</translation>
    </message>
    <message>
      <source>{name} already sits in the circle.</source>
      <translation>{name} sitzt bereits in der Runde.</translation>
    </message>
    <message>
      <source>{name} is not waiting for the free chair.</source>
      <translation>{name} wartet nicht auf den freien Stuhl.</translation>
    </message>
    <message>
      <source>There is no such place in the queue.</source>
      <translation>Diese Stelle gibt es in der Warteliste nicht.</translation>
    </message>
    <message>
      <source>The circle has no free chair.</source>
      <translation>Die Runde hat keinen freien Stuhl.</translation>
    </message>
    <message>
      <source>Seat {n} is not a free chair.</source>
      <translation>Platz {n} ist kein freier Stuhl.</translation>
    </message>
    <message>
      <source>Nobody is waiting for the free chair.</source>
      <translation>Niemand wartet auf den freien Stuhl.</translation>
    </message>
    <message>
      <source>Tap-out is not the format now: switch to tap-out first.</source>
      <translation>Tap-out ist gerade nicht das Format: Schalten Sie zuerst auf Tap-out um.</translation>
    </message>
    <message>
      <source>Nobody is waiting to come in.</source>
      <translation>Niemand wartet darauf, in den Kreis zu kommen.</translation>
    </message>
    <message>
      <source>{name} must sit in the circle to speak.</source>
      <translation>{name} muss in der Runde sitzen, um zu sprechen.</translation>
    </message>
    <message>
      <source>Nobody has the floor: pick a speaker in the circle first.</source>
      <translation>Niemand hat das Wort: zuerst jemanden im Innenkreis auswählen.</translation>
    </message>
    <message>
      <source>There is no such question or agenda item.</source>
      <translation>Diese Frage oder diesen Programmpunkt gibt es nicht.</translation>
    </message>
    <message>
      <source>In this format the panel keeps its seats; only the free chair rotates.</source>
      <translation>In diesem Format behält das Podium seine Plätze; nur der freie Stuhl wechselt.</translation>
    </message>
    <message>
      <source>A speech cannot last a negative time.</source>
      <translation>Ein Redebeitrag kann nicht negativ lange dauern.</translation>
    </message>
    <message>
      <source>A speech needs a seat.</source>
      <translation>Ein Redebeitrag braucht einen Platz.</translation>
    </message>
    <message>
      <source>Safe places in the queue must be between 0 and {n}.</source>
      <translation>Feste Plätze in der Warteliste: zwischen 0 und {n}.</translation>
    </message>
    <message>
      <source>Panel speaking time must be between 0:10 and 60:00.</source>
      <translation>Die Redezeit auf dem Podium muss zwischen 0:10 und 60:00 liegen.</translation>
    </message>
    <message>
      <source>Free-chair speaking time must be between 0:10 and 60:00.</source>
      <translation>Die Redezeit auf dem freien Stuhl muss zwischen 0:10 und 60:00 liegen.</translation>
    </message>
    <message>
      <source>The warning must come between 0:00 and 10:00 before the end.</source>
      <translation>Der Hinweis muss zwischen 0:00 und 10:00 vor dem Ende kommen.</translation>
    </message>
    <message>
      <source>The discussion's planned length must be between 0 and 1440 minutes.</source>
      <translation>Die geplante Dauer der Diskussion muss zwischen 0 und 1440 Minuten liegen.</translation>
    </message>
    <message>
      <source>The projector message may have at most {n} characters.</source>
      <translation>Der Hinweis für den Projektor darf höchstens {n} Zeichen haben.</translation>
    </message>
    <message>
      <source>Speaking time must be between 0:00 and 60:00.</source>
      <translation>Die Redezeit muss zwischen 0:00 und 60:00 liegen.</translation>
    </message>
    <message>
      <source>The warning time cannot be negative.</source>
      <translation>Die Hinweiszeit kann nicht negativ sein.</translation>
    </message>
    <message>
      <source>Unknown document “{kind}”: choose one of {choices}.</source>
      <translation>Unbekanntes Dokument „{kind}“: bitte eines von {choices} wählen.</translation>
    </message>
    <message>
      <source>These columns leave no room for signatures, even across the page: please choose fewer columns or fewer age groups.</source>
      <translation>Diese Spalten lassen auch im Querformat keinen Platz für Unterschriften: bitte weniger Spalten oder Altersgruppen wählen.</translation>
    </message>
    <message>
      <source>The font {file} is missing from {folder}; please reinstall the program.</source>
      <translation>Die Schrift {file} fehlt in {folder}; bitte installieren Sie das Programm neu.</translation>
    </message>
    <message>
      <source>The logo must be a PNG, JPEG or SVG file, not “{name}”.</source>
      <translation>Das Logo muss eine PNG-, JPEG- oder SVG-Datei sein, nicht „{name}“.</translation>
    </message>
    <message>
      <source>The logo {name} is {width} × {height} pixels: please use an image of at most {n} pixels a side.</source>
      <translation>Das Logo {name} hat {width} × {height} Pixel: bitte ein Bild mit höchstens {n} Pixeln je Seite verwenden.</translation>
    </message>
    <message>
      <source>The logo {name} declares a document type or entities: please save it as plain SVG.</source>
      <translation>Das Logo {name} deklariert einen Dokumenttyp oder Entitäten: bitte als einfaches SVG speichern.</translation>
    </message>
    <message>
      <source>The logo {name} is not an SVG image.</source>
      <translation>Das Logo {name} ist kein SVG-Bild.</translation>
    </message>
    <message>
      <source>The logo {name} refers to files or addresses outside itself (an image, a font or a style sheet): please embed them or export it as PNG.</source>
      <translation>Das Logo {name} verweist auf Dateien oder Adressen außerhalb seiner selbst (ein Bild, eine Schrift oder ein Stylesheet): bitte einbetten oder als PNG exportieren.</translation>
    </message>
    <message>
      <source>The logo {name} is {mb:.1f} MB: please use a smaller image (at most 2 MB).</source>
      <translation>Das Logo {name} ist {mb:.1f} MB groß: bitte ein kleineres Bild verwenden (höchstens 2 MB).</translation>
    </message>
    <message>
      <source>The logo {name} cannot be read: {reason}</source>
      <translation>Das Logo {name} kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
      <source>The logo {name} is not a {kind} image.</source>
      <translation>Das Logo {name} ist kein {kind}-Bild.</translation>
    </message>
    <message>
      <source>The audience link is {n} characters long: a QR code on paper stays scannable up to {max}.</source>
      <translation>Der Link für das Publikum ist {n} Zeichen lang: ein QR-Code auf Papier bleibt bis {max} Zeichen lesbar.</translation>
    </message>
    <message>
      <source>The audience link “{link}” is not a web address (http://… or https://…).</source>
      <translation>Der Publikums-Link „{link}“ ist keine Webadresse (http://… oder https://…).</translation>
    </message>
    <message>
      <source>Empty rows for walk-ins must be between 0 and {n}.</source>
      <translation>Leere Zeilen für Spontangäste: zwischen 0 und {n}.</translation>
    </message>
    <message>
      <source>Unknown column “{column}”: choose one of {choices}.</source>
      <translation>Unbekannte Spalte „{column}“: Wählen Sie eine von {choices}.</translation>
    </message>
    <message>
      <source>The threshold for accidental turns must be between 0 and 600 seconds.</source>
      <translation>Die Grenze für versehentliche Beiträge muss zwischen 0 und 600 Sekunden liegen.</translation>
    </message>
    <message>
      <source>Unknown column “{column}”: choose any of {choices}.</source>
      <translation>Unbekannte Spalte „{column}“: möglich sind {choices}.</translation>
    </message>
    <message>
      <source>The PDF could not be typeset: {reason}</source>
      <translation>Das PDF konnte nicht gesetzt werden: {reason}</translation>
    </message>
    <message>
      <source>The page header and the privacy notice leave too little room for the list: please shorten the privacy notice or the programme name in the event settings.</source>
      <translation>Kopfzeilen und Datenschutzhinweis lassen zu wenig Platz für die Liste: Bitte kürzen Sie den Datenschutzhinweis oder den Projektnamen in den Veranstaltungseinstellungen.</translation>
    </message>
    <message>
      <source>This is a spreadsheet workbook (.xlsx or .ods), not a CSV file. Save it as CSV first: in Excel File → Save as → “CSV UTF-8”, in LibreOffice File → Save as → “Text CSV”.</source>
      <translation>Das ist eine Tabellenmappe (.xlsx oder .ods), keine CSV-Datei. Bitte zuerst als CSV speichern: in Excel Datei → Speichern unter → „CSV UTF-8“, in LibreOffice Datei → Speichern unter → „Text CSV“.</translation>
    </message>
    <message>
      <source>This does not look like a text file; please export the list as CSV.</source>
      <translation>Das sieht nicht nach einer Textdatei aus; bitte die Liste als CSV exportieren.</translation>
    </message>
    <message>
      <source>Choose the column that holds the names (or first and last name).</source>
      <translation>Bitte die Spalte mit den Namen wählen (oder Vor- und Nachname).</translation>
    </message>
    <message>
      <source>Row {row} opens a quotation mark (") that is never closed, so everything after it would be read as one cell. Open the file in Excel or LibreOffice, check that row, and save it again as CSV.</source>
      <translation>In Zeile {row} beginnt ein Anführungszeichen ("), das nie geschlossen wird; alles danach würde als eine einzige Zelle gelesen. Öffnen Sie die Datei in Excel oder LibreOffice, prüfen Sie diese Zeile und speichern Sie sie noch einmal als CSV.</translation>
    </message>
    <message>
      <source>The file is empty.</source>
      <translation>Die Datei ist leer.</translation>
    </message>
    <message>
      <source>The file could not be read as CSV: {reason}.</source>
      <translation>Die Datei konnte nicht als CSV gelesen werden: {reason}.</translation>
    </message>
  </context>
</TS>