<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Offline-first classroom evidence and strengths-based feedback for instructional coaches. It works without a network connection; your notes live in the data folder below.</source>
        <translation>Evidencias de aula y retroalimentación basada en fortalezas para coaches pedagógicos, sin depender de la red. Funciona sin conexión; sus notas se guardan en la carpeta de datos que aparece abajo.</translation>
    </message>
    <message>
        <source>Copyright © 2026 Observe developers</source>
        <translation>Copyright © 2026 desarrolladores de Observe</translation>
    </message>
    <message>
        <source>Observe is built on Qt and PySide6 (LGPL v3), python-bidi (LGPL), SQLAlchemy, Alembic, pydantic and platformdirs (MIT), ReportLab and httpx (BSD) and other open-source libraries under their own licenses; its PDFs use the DejaVu fonts (Bitstream Vera license).</source>
        <translation>Observe está hecho con Qt y PySide6 (LGPL v3), python-bidi (LGPL), SQLAlchemy, Alembic, pydantic y platformdirs (MIT), ReportLab y httpx (BSD) y otras bibliotecas de código abierto con sus propias licencias; sus PDF usan las fuentes DejaVu (licencia Bitstream Vera).</translation>
    </message>
    <message>
        <source>About {APP_NAME}</source>
        <translation>Acerca de {APP_NAME}</translation>
    </message>
    <message>
        <source>{APP_NAME} icon</source>
        <translation>Icono de {APP_NAME}</translation>
    </message>
    <message>
        <source>Application name</source>
        <translation>Nombre de la aplicación</translation>
    </message>
    <message>
        <source>Copyright and licenses</source>
        <translation>Copyright y licencias</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Versión:</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>License:</source>
        <translation>Licencia:</translation>
    </message>
    <message>
        <source>License</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Carpeta de datos:</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <source>Log folder:</source>
        <translation>Carpeta de registros:</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>Carpeta de registros</translation>
    </message>
    <message>
        <source>Built with:</source>
        <translation>Hecho con:</translation>
    </message>
    <message>
        <source>Show &amp;license</source>
        <translation>Ver &amp;licencia</translation>
    </message>
    <message>
        <source>Show the license text</source>
        <translation>Mostrar el texto de la licencia</translation>
    </message>
</context>
<context>
    <name>BeforeAfterBars</name>
    <message>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Después</translation>
    </message>
</context>
<context>
    <name>BulkConfirmDialog</name>
    <message>
        <source>Keep all mine</source>
        <translation>Conservar todas las mías</translation>
    </message>
    <message>
        <source>Keep all theirs</source>
        <translation>Conservar todas las del servidor</translation>
    </message>
    <message numerus="yes">
        <source>Your copy will be kept for %n conflict(s):</source>
        <translation>
            <numerusform>Se conservará su copia en %n conflicto:</numerusform>
            <numerusform>Se conservará su copia en %n conflictos:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server&apos;s copy will be kept for %n conflict(s):</source>
        <translation>
            <numerusform>Se conservará la copia del servidor en %n conflicto:</numerusform>
            <numerusform>Se conservará la copia del servidor en %n conflictos:</numerusform>
        </translation>
    </message>
    <message>
        <source>Left for you to decide one by one:</source>
        <translation>Quedan para que decida uno por uno:</translation>
    </message>
    <message>
        <source>What changes</source>
        <translation>Qué cambia</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <source>No camera found. Connect a webcam or document camera and try again, or attach a photo from a file (Ctrl+Alt+A).</source>
        <translation>No se encontró ninguna cámara. Conecte una webcam o una cámara de documentos y vuelva a intentarlo, o adjunte una foto desde un archivo (Ctrl+Alt+A).</translation>
    </message>
    <message>
        <source>Take a photo of student work</source>
        <translation>Hacer una foto del trabajo de los estudiantes</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>What the camera sees</source>
        <translation>Lo que ve la cámara</translation>
    </message>
    <message>
        <source>Hold the work steady, then press Space or Enter.</source>
        <translation>Sujete el trabajo sin moverlo y pulse Espacio o Intro.</translation>
    </message>
    <message>
        <source>&amp;Take photo</source>
        <translation>&amp;Hacer foto</translation>
    </message>
    <message>
        <source>The camera reported a problem: {problem}. Try again or choose a file.</source>
        <translation>La cámara informó de un problema: {problem}. Vuelva a intentarlo o elija un archivo.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>The camera is not ready yet; try again in a moment.</source>
        <translation>La cámara aún no está lista; vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>The camera photo</source>
        <translation>La foto de la cámara</translation>
    </message>
</context>
<context>
    <name>CaptureLine</name>
    <message>
        <source>Capture line</source>
        <extracomment>Above the core&apos;s limit, so an over-long paste reaches it and is refused with a sentence instead of being cut silently at QLineEdit&apos;s default 32,767 characters.</extracomment>
        <translation>Línea de captura</translation>
    </message>
</context>
<context>
    <name>CapturePane</name>
    <message>
        <source>Look-for keys: {keys}</source>
        <extracomment>Marks for the line&apos;s tags (look-for id → &quot;seen&quot; / &quot;not_yet&quot;); see ``toggle_lookfor``.</extracomment>
        <translation>Teclas de indicadores: {keys}</translation>
    </message>
    <message>
        <source>No look-for set</source>
        <translation>Sin conjunto de indicadores</translation>
    </message>
    <message>
        <source>Restored unsaved text from {when:%H:%M}.</source>
        <translation>Se recuperó el texto sin guardar de las {when:%H:%M}.</translation>
    </message>
    <message>
        <source>Ended · {took}</source>
        <translation>Terminada · {took}</translation>
    </message>
    <message>
        <source>Ended at {time:%H:%M}</source>
        <translation>Terminó a las {time:%H:%M}</translation>
    </message>
    <message>
        <source>Started at {time:%H:%M}</source>
        <translation>Empezó a las {time:%H:%M}</translation>
    </message>
    <message>
        <source>none (Ctrl+1…9)</source>
        <translation>ninguno (Ctrl+1…9)</translation>
    </message>
    <message>
        <source>%1 (locked)</source>
        <translation>%1 (bloqueado)</translation>
    </message>
    <message>
        <source>%1 (this item)</source>
        <translation>%1 (solo este elemento)</translation>
    </message>
    <message>
        <source>Saves as {kind} · Look-fors: {tags}</source>
        <translation>Se guarda como {kind} · Indicadores: {tags}</translation>
    </message>
    <message>
        <source>Change kind</source>
        <translation>Cambiar tipo</translation>
    </message>
    <message>
        <source>Locked: every item is saved as this kind. Press its Alt key again to unlock.</source>
        <translation>Bloqueado: cada elemento se guarda con este tipo. Pulse de nuevo su tecla Alt para desbloquearlo.</translation>
    </message>
    <message>
        <source>For the next item only; press its Alt key again to keep it.</source>
        <translation>Solo para el próximo elemento; pulse de nuevo su tecla Alt para mantenerlo.</translation>
    </message>
    <message>
        <source>Kind of the next item (Alt+1…5).</source>
        <translation>Tipo del próximo elemento (Alt+1…5).</translation>
    </message>
    <message>
        <source>No look-for has the key Ctrl+{hotkey}.</source>
        <translation>Ningún indicador tiene la tecla Ctrl+{hotkey}.</translation>
    </message>
    <message>
        <source>Start a visit</source>
        <translation>Empezar una visita</translation>
    </message>
    <message>
        <source>“%1” is still running. End it when the new visit starts?</source>
        <translation>«%1» sigue en curso. ¿Terminarla cuando empiece la nueva visita?</translation>
    </message>
    <message>
        <source>&amp;End it and start the new one</source>
        <translation>&amp;Terminarla y empezar la nueva</translation>
    </message>
    <message>
        <source>&amp;Keep both running</source>
        <translation>&amp;Mantener ambas en curso</translation>
    </message>
    <message>
        <source>{hint} Also: {others}.</source>
        <translation>{hint} Además: {others}.</translation>
    </message>
</context>
<context>
    <name>ChartModel</name>
    <message>
        <source>row {row}, column {column}</source>
        <translation>fila {row}, columna {column}</translation>
    </message>
    <message>
        <source>No seat ({where}); press Space to add one</source>
        <translation>Sin asiento ({where}); pulse Espacio para añadir uno</translation>
    </message>
    <message>
        <source>, no group</source>
        <translation>, sin grupo</translation>
    </message>
    <message>
        <source>Seat {label}{group} ({where})</source>
        <translation>Asiento {label}{group} ({where})</translation>
    </message>
    <message>
        <source>Column {n}</source>
        <translation>Columna {n}</translation>
    </message>
    <message>
        <source>Row {name}</source>
        <translation>Fila {name}</translation>
    </message>
    <message>
        <source>Table {n}</source>
        <translation>Mesa {n}</translation>
    </message>
</context>
<context>
    <name>ChartTable</name>
    <message>
        <source>Seating chart cells</source>
        <translation>Celdas del plano de asientos</translation>
    </message>
    <message>
        <source>Select every seat</source>
        <translation>Seleccionar todos los asientos</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <source>No visit yet</source>
        <translation>Todavía no hay visitas</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Punto de partida</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Meta</translation>
    </message>
</context>
<context>
    <name>ClassroomDialog</name>
    <message>
        <source>Edit classroom</source>
        <translation>Editar clase</translation>
    </message>
    <message>
        <source>New classroom</source>
        <translation>Nueva clase</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <source>&amp;Teacher:</source>
        <translation>&amp;Docente:</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Docente</translation>
    </message>
    <message>
        <source>Su&amp;bject:</source>
        <translation>&amp;Materia:</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Materia</translation>
    </message>
    <message>
        <source>e.g. Math 7, Biology, Reading</source>
        <translation>p. ej., Matemáticas 7, Biología, Lectura</translation>
    </message>
    <message>
        <source>&amp;Grade (optional):</source>
        <translation>G&amp;rado (opcional):</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grado</translation>
    </message>
    <message>
        <source>&amp;Period (optional):</source>
        <translation>&amp;Periodo (opcional):</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>&amp;Room (optional):</source>
        <translation>A&amp;ula (opcional):</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Aula</translation>
    </message>
    <message>
        <source>Add a teacher first (New teacher…), then add their classes.</source>
        <translation>Primero añada un docente (Nuevo docente…) y después sus clases.</translation>
    </message>
</context>
<context>
    <name>CloseCycleDialog</name>
    <message>
        <source>Close the cycle</source>
        <translation>Cerrar el ciclo</translation>
    </message>
    <message>
        <source>What changed for students, what made the difference, and what comes next? Write it with the teacher; it closes the cycle.</source>
        <translation>¿Qué cambió para el alumnado, qué marcó la diferencia y qué sigue? Escríbalo junto con el docente; con esto se cierra el ciclo.</translation>
    </message>
    <message>
        <source>Closing reflection</source>
        <translation>Reflexión de cierre</translation>
    </message>
    <message>
        <source>Ended on</source>
        <translation>Terminó el</translation>
    </message>
    <message>
        <source>&amp;Reflection:</source>
        <translation>&amp;Reflexión:</translation>
    </message>
    <message>
        <source>&amp;Ended on:</source>
        <translation>&amp;Terminó el:</translation>
    </message>
    <message>
        <source>Close cycle</source>
        <translation>Cerrar ciclo</translation>
    </message>
</context>
<context>
    <name>CoachingUi</name>
    <message>
        <source>Coaching &amp;cycles…</source>
        <translation>&amp;Ciclos de coaching…</translation>
    </message>
    <message>
        <source>Goals, action steps and each cycle&apos;s measure</source>
        <translation>Metas, pasos de acción y la medida de cada ciclo</translation>
    </message>
    <message>
        <source>&amp;Log time…</source>
        <translation>&amp;Registrar tiempo…</translation>
    </message>
    <message>
        <source>Record minutes of coaching or other duties</source>
        <translation>Registrar minutos de coaching o de otras tareas</translation>
    </message>
    <message>
        <source>&amp;Weekly log…</source>
        <translation>Registro &amp;semanal…</translation>
    </message>
    <message>
        <source>This week&apos;s time: coaching vs other duties</source>
        <translation>El tiempo de esta semana: coaching frente a otras tareas</translation>
    </message>
    <message>
        <source>Look-for &amp;frameworks…</source>
        <translation>&amp;Marcos de indicadores…</translation>
    </message>
    <message>
        <source>Choose, edit, import and share look-for sets</source>
        <translation>Elegir, editar, importar y compartir conjuntos de indicadores</translation>
    </message>
    <message>
        <source>&amp;Impact…</source>
        <translation>&amp;Impacto…</translation>
    </message>
    <message>
        <source>Visits, time, cycles, look-fors and participation over time</source>
        <translation>Visitas, tiempo, ciclos, indicadores y participación a lo largo del tiempo</translation>
    </message>
    <message>
        <source>C&amp;oaching</source>
        <translation>C&amp;oaching</translation>
    </message>
    <message>
        <source>the {key} window could not be made</source>
        <translation>no se pudo crear la ventana {key}</translation>
    </message>
</context>
<context>
    <name>ComposerDialog</name>
    <message>
        <source>Compose feedback</source>
        <translation>Redactar retroalimentación</translation>
    </message>
    <message>
        <source>Loading the visit…</source>
        <translation>Cargando la visita…</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>Evidence from this visit</source>
        <translation>Evidencias de esta visita</translation>
    </message>
    <message>
        <source>&amp;Add as strength</source>
        <translation>&amp;Añadir como fortaleza</translation>
    </message>
    <message>
        <source>Add the selected evidence as a strength</source>
        <translation>Añadir la evidencia seleccionada como fortaleza</translation>
    </message>
    <message>
        <source>&amp;Evidence from this visit</source>
        <translation>&amp;Evidencias de esta visita</translation>
    </message>
    <message>
        <source>Participation figures</source>
        <translation>Datos de participación</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>Fortalezas</translation>
    </message>
    <message>
        <source>Strength sentence</source>
        <translation>Frase de la fortaleza</translation>
    </message>
    <message>
        <source>Students were able to…</source>
        <translation>Los estudiantes lograron…</translation>
    </message>
    <message>
        <source>Evidence for this strength</source>
        <translation>Evidencia de esta fortaleza</translation>
    </message>
    <message>
        <source>Start the strength with</source>
        <translation>Empezar la fortaleza con</translation>
    </message>
    <message>
        <source>Start with…</source>
        <translation>Empezar con…</translation>
    </message>
    <message>
        <source>Add strength &amp;without evidence</source>
        <translation>Añadir fortaleza &amp;sin evidencia</translation>
    </message>
    <message>
        <source>&amp;Remove strength</source>
        <translation>&amp;Quitar fortaleza</translation>
    </message>
    <message>
        <source>Start the wondering with</source>
        <translation>Empezar la pregunta con</translation>
    </message>
    <message>
        <source>One wondering or next step</source>
        <translation>Una pregunta o próximo paso</translation>
    </message>
    <message>
        <source>Reflection question for the teacher</source>
        <translation>Pregunta de reflexión para el docente</translation>
    </message>
    <message>
        <source>Share with t&amp;he teacher (visible to their account after sync)</source>
        <translation>Compartir con el &amp;docente (visible en su cuenta tras sincronizar)</translation>
    </message>
    <message>
        <source>Share with the teacher</source>
        <translation>Compartir con el docente</translation>
    </message>
    <message>
        <source>About sharing</source>
        <translation>Sobre compartir</translation>
    </message>
    <message>
        <source>The teacher hasn&apos;t written a reflection on this feedback yet.</source>
        <translation>El docente todavía no ha escrito una reflexión sobre esta retroalimentación.</translation>
    </message>
    <message>
        <source>Your name on sheets</source>
        <translation>Su nombre en las hojas</translation>
    </message>
    <message>
        <source>S&amp;trengths (glows)</source>
        <translation>&amp;Fortalezas</translation>
    </message>
    <message>
        <source>Stren&amp;gth sentence</source>
        <translation>Frase de la for&amp;taleza</translation>
    </message>
    <message>
        <source>One wondering or ne&amp;xt step</source>
        <translation>Una pregunta o pró&amp;ximo paso</translation>
    </message>
    <message>
        <source>Reflection &amp;question for the teacher (optional)</source>
        <translation>Pregunta de &amp;reflexión para el docente (opcional)</translation>
    </message>
    <message>
        <source>Your &amp;name on sheets</source>
        <translation>Su &amp;nombre en las hojas</translation>
    </message>
    <message>
        <source>&amp;Preview sheet…</source>
        <translation>&amp;Vista previa de la hoja…</translation>
    </message>
    <message>
        <source>Save state</source>
        <translation>Estado de guardado</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Preview sheet</source>
        <translation>Vista previa de la hoja</translation>
    </message>
    <message>
        <source>Add as strength</source>
        <translation>Añadir como fortaleza</translation>
    </message>
    <message>
        <source>No seating chart was used during this visit.</source>
        <translation>No se usó un plano de asientos en esta visita.</translation>
    </message>
    <message>
        <source>No participation was tallied during this visit.</source>
        <translation>No se registró participación en esta visita.</translation>
    </message>
    <message>
        <source>A draft proposed from this visit; edit it, then save.</source>
        <translation>Un borrador propuesto a partir de esta visita; edítelo y luego guárdelo.</translation>
    </message>
    <message>
        <source>Saved feedback.</source>
        <translation>Retroalimentación guardada.</translation>
    </message>
    <message>
        <source>Choose an evidence item first, then add it as a strength.</source>
        <translation>Primero elija un elemento de evidencia y después añádalo como fortaleza.</translation>
    </message>
    <message>
        <source>Tied to {offset}: {text}</source>
        <translation>Vinculada a {offset}: {text}</translation>
    </message>
    <message>
        <source>Not tied to an evidence item.</source>
        <translation>Sin vincular a ningún elemento de evidencia.</translation>
    </message>
    <message>
        <source>Not saved yet.</source>
        <translation>Todavía no se ha guardado.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Saved. It will sync with your other records.</source>
        <translation>Guardado. Se sincronizará con el resto de sus registros.</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>No se guardó.</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <extracomment>A conflict was resolved (the controller syncs soon after).</extracomment>
        <translation>Conflictos de sincronización</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflictos</translation>
    </message>
    <message>
        <source>No conflicts: everything here matches the server.</source>
        <translation>No hay conflictos: todo coincide con el servidor.</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Su versión</translation>
    </message>
    <message>
        <source>Server version</source>
        <translation>Versión del servidor</translation>
    </message>
    <message>
        <source>Merged text</source>
        <translation>Texto combinado</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>Conservar la &amp;mía</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Conservar la mía</translation>
    </message>
    <message>
        <source>Send your version to the server (Alt+M)</source>
        <translation>Enviar su versión al servidor (Alt+M)</translation>
    </message>
    <message>
        <source>Keep &amp;theirs</source>
        <translation>Conservar la del &amp;servidor</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Conservar la del servidor</translation>
    </message>
    <message>
        <source>Use the server&apos;s version here (Alt+T)</source>
        <translation>Usar aquí la versión del servidor (Alt+T)</translation>
    </message>
    <message>
        <source>Save m&amp;erged text</source>
        <translation>Guardar te&amp;xto combinado</translation>
    </message>
    <message>
        <source>Save merged text</source>
        <translation>Guardar texto combinado</translation>
    </message>
    <message>
        <source>Send your version with the merged text (Ctrl+Return)</source>
        <translation>Enviar su versión con el texto combinado (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Keep all m&amp;ine…</source>
        <translation>Conservar todas las mí&amp;as…</translation>
    </message>
    <message>
        <source>Keep all mine</source>
        <translation>Conservar todas las mías</translation>
    </message>
    <message>
        <source>Keep your version of every conflict, after a preview (Alt+I)</source>
        <translation>Conservar su versión en todos los conflictos, tras una vista previa (Alt+I)</translation>
    </message>
    <message>
        <source>Keep all t&amp;heirs…</source>
        <translation>Conservar todas las del ser&amp;vidor…</translation>
    </message>
    <message>
        <source>Keep all theirs</source>
        <translation>Conservar todas las del servidor</translation>
    </message>
    <message>
        <source>Keep the server&apos;s version of every conflict, after a preview (Alt+H)</source>
        <translation>Conservar la versión del servidor en todos los conflictos, tras una vista previa (Alt+H)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Your version (this computer)</source>
        <translation>Su versión (este equipo)</translation>
    </message>
    <message>
        <source>Server version (elsewhere)</source>
        <translation>Versión del servidor (en otro lugar)</translation>
    </message>
    <message>
        <source>Merged te&amp;xt (edit, then save):</source>
        <translation>Texto com&amp;binado (edítelo y luego guárdelo):</translation>
    </message>
    <message>
        <source>Added or changed after it was deleted</source>
        <translation>Añadido o modificado después de eliminarse</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminado</translation>
    </message>
</context>
<context>
    <name>CycleEditor</name>
    <message>
        <source>Edit coaching cycle</source>
        <translation>Editar ciclo de coaching</translation>
    </message>
    <message>
        <source>New coaching cycle</source>
        <translation>Nuevo ciclo de coaching</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Docente</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>Enfoque</translation>
    </message>
    <message>
        <source>e.g. Widen participation in whole-class discussion</source>
        <translation>p. ej., Ampliar la participación en la discusión con toda la clase</translation>
    </message>
    <message>
        <source>Student-learning goal</source>
        <translation>Meta de aprendizaje del alumnado</translation>
    </message>
    <message>
        <source>What students will do: e.g. 18 of 24 students contribute</source>
        <translation>Lo que harán los estudiantes: p. ej., 18 de 24 estudiantes participan</translation>
    </message>
    <message>
        <source>Success measure</source>
        <translation>Medida de logro</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Todavía ninguna</translation>
    </message>
    <message>
        <source>Look-for measured</source>
        <translation>Indicador medido</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Punto de partida</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Started on</source>
        <translation>Empezó el</translation>
    </message>
    <message>
        <source>Ended on</source>
        <translation>Terminó el</translation>
    </message>
    <message>
        <source>Closing reflection</source>
        <translation>Reflexión de cierre</translation>
    </message>
    <message>
        <source>Baseline:</source>
        <translation>Punto de partida:</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Meta:</translation>
    </message>
    <message>
        <source>from</source>
        <translation>de</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>&amp;Teacher:</source>
        <translation>&amp;Docente:</translation>
    </message>
    <message>
        <source>&amp;Focus:</source>
        <translation>&amp;Enfoque:</translation>
    </message>
    <message>
        <source>Student-learning &amp;goal:</source>
        <translation>Meta de aprendizaje del a&amp;lumnado:</translation>
    </message>
    <message>
        <source>Success &amp;measure:</source>
        <translation>&amp;Medida de logro:</translation>
    </message>
    <message>
        <source>&amp;Look-for:</source>
        <translation>&amp;Indicador:</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>Es&amp;tado:</translation>
    </message>
    <message>
        <source>&amp;Reflection:</source>
        <translation>&amp;Reflexión:</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Qué se hará</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Action steps</source>
        <translation>Pasos de acción</translation>
    </message>
    <message>
        <source>&amp;Add step</source>
        <translation>&amp;Añadir paso</translation>
    </message>
    <message>
        <source>Remo&amp;ve step</source>
        <translation>&amp;Quitar paso</translation>
    </message>
    <message>
        <source>Action steps (model, co-plan, co-teach, observe, debrief)</source>
        <translation>Pasos de acción (modelar, coplanificar, coenseñar, observar, conversar después)</translation>
    </message>
    <message>
        <source>Cycle message</source>
        <translation>Mensaje del ciclo</translation>
    </message>
    <message>
        <source>Step {n} kind</source>
        <translation>Tipo del paso {n}</translation>
    </message>
    <message>
        <source>Step {n} status</source>
        <translation>Estado del paso {n}</translation>
    </message>
    <message>
        <source>Step {n} due</source>
        <translation>Fecha límite del paso {n}</translation>
    </message>
    <message>
        <source>Step {n} done</source>
        <translation>Fecha de realización del paso {n}</translation>
    </message>
</context>
<context>
    <name>CycleEvidence</name>
    <message>
        <source>This cycle has no survey questions yet. Import a survey first (its questions are reused), or make one with: observe report survey --cycle active --question …</source>
        <translation>Este ciclo todavía no tiene preguntas de encuesta. Importe primero una encuesta (se reutilizan sus preguntas) o cree una con: observe report survey --cycle active --question …</translation>
    </message>
    <message>
        <source>Paper student survey</source>
        <translation>Encuesta en papel para estudiantes</translation>
    </message>
    <message>
        <source>Student survey</source>
        <translation>Encuesta a estudiantes</translation>
    </message>
    <message>
        <source>S&amp;tudent evidence</source>
        <translation>Evidencias del al&amp;umnado</translation>
    </message>
    <message>
        <source>Add a student survey or assessment results, before or after the cycle</source>
        <translation>Añadir una encuesta a estudiantes o resultados de evaluación, antes o después del ciclo</translation>
    </message>
    <message>
        <source>Import &amp;survey…</source>
        <translation>Importar &amp;encuesta…</translation>
    </message>
    <message>
        <source>Import &amp;scores…</source>
        <translation>Importar &amp;calificaciones…</translation>
    </message>
    <message>
        <source>Enter &amp;paper survey tallies…</source>
        <translation>Introducir &amp;conteos de una encuesta en papel…</translation>
    </message>
    <message>
        <source>P&amp;rint a paper survey…</source>
        <translation>&amp;Imprimir una encuesta en papel…</translation>
    </message>
    <message>
        <source>Score &amp;work samples…</source>
        <translation>Valorar &amp;muestras de trabajo…</translation>
    </message>
    <message>
        <source>Before the cycle</source>
        <translation>Antes del ciclo</translation>
    </message>
    <message>
        <source>After the cycle</source>
        <translation>Después del ciclo</translation>
    </message>
    <message>
        <source>Before or after the cycle</source>
        <translation>Antes o después del ciclo</translation>
    </message>
</context>
<context>
    <name>CycleView</name>
    <message>
        <source>Students who spoke</source>
        <translation>Estudiantes que hablaron</translation>
    </message>
    <message>
        <source>Contributions</source>
        <translation>Intervenciones</translation>
    </message>
    <message>
        <source>Evidence items tagged</source>
        <translation>Elementos de evidencia etiquetados</translation>
    </message>
    <message>
        <source>No coaching cycles yet. A cycle is a few weeks of work with one teacher on one focus: choose New cycle to start one.</source>
        <translation>Todavía no hay ciclos de coaching. Un ciclo son unas semanas de trabajo con un docente sobre un enfoque: elija Nuevo ciclo para empezar uno.</translation>
    </message>
    <message>
        <source>Cycle focus</source>
        <translation>Enfoque del ciclo</translation>
    </message>
    <message>
        <source>Cycle details</source>
        <translation>Detalles del ciclo</translation>
    </message>
    <message>
        <source>Measure, before and after</source>
        <translation>Medida, antes y después</translation>
    </message>
    <message>
        <source>Chart: the cycle&apos;s measure visit by visit</source>
        <translation>Gráfico: la medida del ciclo visita a visita</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Medida</translation>
    </message>
    <message>
        <source>Measure visit by visit</source>
        <translation>Medida visita a visita</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Action steps</source>
        <translation>Pasos de acción</translation>
    </message>
    <message>
        <source>Reflection</source>
        <translation>Reflexión</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <extracomment>The cycle shown, and its visits&apos; labels for the teacher&apos;s reflections on their sheets.</extracomment>
        <translation>{start} a {end}</translation>
    </message>
    <message>
        <source>With {teacher} · {status} · {dates}</source>
        <translation>Con {teacher} · {status} · {dates}</translation>
    </message>
    <message>
        <source>Student-learning goal: {student_goal}</source>
        <translation>Meta de aprendizaje del alumnado: {student_goal}</translation>
    </message>
    <message>
        <source>Reflection: {reflection}</source>
        <translation>Reflexión: {reflection}</translation>
    </message>
</context>
<context>
    <name>CyclesWindow</name>
    <message>
        <source>Coaching cycles</source>
        <translation>Ciclos de coaching</translation>
    </message>
    <message>
        <source>&amp;New cycle…</source>
        <translation>&amp;Nuevo ciclo…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Visits…</source>
        <translation>&amp;Visitas…</translation>
    </message>
    <message>
        <source>Choose which of the teacher&apos;s visits are in this cycle</source>
        <translation>Elegir qué visitas del docente forman parte de este ciclo</translation>
    </message>
    <message>
        <source>C&amp;lose cycle…</source>
        <translation>Ce&amp;rrar ciclo…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>E&amp;liminar</translation>
    </message>
    <message>
        <source>&amp;Print summary…</source>
        <translation>&amp;Imprimir resumen…</translation>
    </message>
    <message>
        <source>Preview, print or save this cycle&apos;s summary for the teacher</source>
        <translation>Ver, imprimir o guardar el resumen de este ciclo para el docente</translation>
    </message>
    <message>
        <source>&amp;Share this cycle with the teacher</source>
        <translation>&amp;Compartir este ciclo con el docente</translation>
    </message>
    <message>
        <source>Share this cycle with the teacher</source>
        <translation>Compartir este ciclo con el docente</translation>
    </message>
    <message>
        <source>The teacher reads the focus, goal, steps and measure on the server&apos;s pages after your next sync, and can write back; step notes stay private</source>
        <translation>El docente lee el enfoque, la meta, los pasos y la medida en las páginas del servidor después de que usted vuelva a sincronizar, y puede responder; las notas de los pasos siguen siendo privadas</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Compartir</translation>
    </message>
    <message>
        <source> · {steps_done}/{steps_total} steps</source>
        <translation> · {steps_done}/{steps_total} pasos</translation>
    </message>
    <message>
        <source>1 visit</source>
        <translation>1 visita</translation>
    </message>
    <message>
        <source>{count} visits</source>
        <translation>{count} visitas</translation>
    </message>
    <message>
        <source>Shared: the teacher reads it after your next sync.</source>
        <translation>Compartido: el docente lo leerá cuando usted vuelva a sincronizar.</translation>
    </message>
    <message>
        <source>Shared: the teacher reads its focus, goal, steps and measure after your next sync. Step notes and your closing reflection stay private.</source>
        <translation>Compartido: el docente leerá su enfoque, meta, pasos y medida cuando usted vuelva a sincronizar. Las notas de los pasos y la reflexión de cierre que usted escriba siguen siendo privadas.</translation>
    </message>
    <message>
        <source>Private again: the teacher no longer sees this cycle after your next sync.</source>
        <translation>De nuevo privado: el docente dejará de ver este ciclo cuando usted vuelva a sincronizar.</translation>
    </message>
    <message>
        <source>Add a teacher first (Classes → New teacher); a cycle is with a teacher.</source>
        <translation>Primero añada un docente (Clases → Nuevo docente); un ciclo siempre es con un docente.</translation>
    </message>
    <message>
        <source>Delete cycle</source>
        <translation>Eliminar ciclo</translation>
    </message>
    <message>
        <source>Delete this coaching cycle and its action steps? Its visits and their evidence stay; they just stop being part of a cycle.</source>
        <translation>¿Eliminar este ciclo de coaching y sus pasos de acción? Sus visitas y sus evidencias se conservan; solo dejan de formar parte de un ciclo.</translation>
    </message>
</context>
<context>
    <name>EarlyColumns</name>
    <message>
        <source>Available once the profile is open.</source>
        <translation>Disponible en cuanto se abra el perfil.</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Cargando</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Opening the profile…</source>
        <translation>Abriendo el perfil…</translation>
    </message>
    <message>
        <source>The menus are ready once the profile is open, in a moment.</source>
        <translation>Los menús estarán listos en cuanto se abra el perfil, en un momento.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong that Observe didn&apos;t expect, so it stopped what it was doing. The details were written to the log at {path}; please include that file if you report the problem.</source>
        <extracomment>Shows a built dialog; tests pass one that records the box instead of blocking on ``exec``. What screens call to report a failure; :func:`show_error` or a test double.</extracomment>
        <translation>Ocurrió algo que Observe no esperaba, así que detuvo lo que estaba haciendo. Los detalles se guardaron en el registro en {path}; adjunte ese archivo si informa del problema.</translation>
    </message>
    <message>
        <source>Something went wrong that Observe didn&apos;t expect, so it stopped what it was doing. No log file could be written, so please note what you were doing if you report the problem.</source>
        <translation>Ocurrió algo que Observe no esperaba, así que detuvo lo que estaba haciendo. No se pudo escribir ningún archivo de registro; si informa del problema, anote qué estaba haciendo.</translation>
    </message>
</context>
<context>
    <name>EvidenceMeasures</name>
    <message>
        <source>Work sample, survey and assessment measures</source>
        <translation>Medidas de muestras de trabajo, encuestas y evaluaciones</translation>
    </message>
    <message>
        <source>Work samples: share meeting the criteria</source>
        <extracomment>The lines shown, as text (what a screen reader and the tests read).</extracomment>
        <translation>Muestras de trabajo: proporción que cumple los criterios</translation>
    </message>
    <message>
        <source>Scored samples</source>
        <translation>Muestras valoradas</translation>
    </message>
    <message>
        <source>Student survey: share agreeing</source>
        <translation>Encuesta a estudiantes: proporción de acuerdo</translation>
    </message>
    <message>
        <source>Assessment: share meeting the goal</source>
        <translation>Evaluación: proporción que alcanza la meta</translation>
    </message>
    <message>
        <source>{title}, scoring {threshold}</source>
        <translation>{title}, con puntuación {threshold}</translation>
    </message>
</context>
<context>
    <name>FrameworkEditor</name>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Look-for (what students do)</source>
        <translation>Indicador (lo que hacen los estudiantes)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Tecla</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Set name</source>
        <translation>Nombre del conjunto</translation>
    </message>
    <message>
        <source>Set description</source>
        <translation>Descripción del conjunto</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Nomb&amp;re:</translation>
    </message>
    <message>
        <source>Descri&amp;ption:</source>
        <translation>Descri&amp;pción:</translation>
    </message>
    <message>
        <source>Look-fors in this set</source>
        <translation>Indicadores de este conjunto</translation>
    </message>
    <message>
        <source>&amp;Add look-for</source>
        <translation>&amp;Añadir indicador</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>&amp;Subir</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>&amp;Bajar</translation>
    </message>
    <message>
        <source>Key: Ctrl+1…9 tags evidence with this look-for during a visit (— for none). Categories group look-fors in the capture window.</source>
        <translation>Tecla: Ctrl+1…9 etiqueta la evidencia con este indicador durante una visita (— para ninguna). Las categorías agrupan los indicadores en la ventana de captura.</translation>
    </message>
    <message>
        <source>Hotkey of look-for {n}</source>
        <translation>Tecla rápida del indicador {n}</translation>
    </message>
</context>
<context>
    <name>FrameworksWindow</name>
    <message>
        <source>Look-for frameworks</source>
        <extracomment>A set was changed or the set in use changed; capture screens reload their look-fors.</extracomment>
        <translation>Marcos de indicadores</translation>
    </message>
    <message>
        <source>Look-for sets</source>
        <translation>Conjuntos de indicadores</translation>
    </message>
    <message>
        <source>U&amp;se this set</source>
        <translation>&amp;Usar este conjunto</translation>
    </message>
    <message>
        <source>Offer this set&apos;s look-fors and keys in the capture window</source>
        <translation>Ofrecer los indicadores y teclas de este conjunto en la ventana de captura</translation>
    </message>
    <message>
        <source>&amp;New set</source>
        <translation>&amp;Nuevo conjunto</translation>
    </message>
    <message>
        <source>Add a s&amp;tarter set</source>
        <translation>Añadir un con&amp;junto inicial</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <source>Dup&amp;licate</source>
        <translation>Dupli&amp;car</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>E&amp;liminar</translation>
    </message>
    <message>
        <source>S&amp;hare with my team</source>
        <translation>Co&amp;mpartir con mi equipo</translation>
    </message>
    <message>
        <source>Shared sets sync to every coach of your school</source>
        <translation>Los conjuntos compartidos se sincronizan con todos los coaches de su escuela</translation>
    </message>
    <message>
        <source>Sa&amp;ve changes</source>
        <translation>&amp;Guardar cambios</translation>
    </message>
    <message>
        <source>R&amp;evert</source>
        <translation>&amp;Deshacer cambios</translation>
    </message>
    <message>
        <source>Framework message</source>
        <translation>Mensaje del marco</translation>
    </message>
    <message>
        <source>1 look-for</source>
        <translation>1 indicador</translation>
    </message>
    <message>
        <source>{count} look-fors</source>
        <translation>{count} indicadores</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>en uso</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>compartido</translation>
    </message>
    <message>
        <source>shared by a colleague</source>
        <translation>compartido por un colega</translation>
    </message>
    <message>
        <source>No look-for sets yet: add a starter set or import one.</source>
        <translation>Todavía no hay conjuntos de indicadores: añada un conjunto inicial o importe uno.</translation>
    </message>
    <message>
        <source>Shared by a colleague: you can use, export or duplicate it, but only they can change it.</source>
        <translation>Compartido por un colega: puede usarlo, exportarlo o duplicarlo, pero solo esa persona puede cambiarlo.</translation>
    </message>
    <message>
        <source>The capture window now offers this set&apos;s look-fors.</source>
        <translation>La ventana de captura ahora ofrece los indicadores de este conjunto.</translation>
    </message>
    <message>
        <source>New look-for set</source>
        <translation>Nuevo conjunto de indicadores</translation>
    </message>
    <message>
        <source>A new set: give it a name and look-fors, then save.</source>
        <translation>Un conjunto nuevo: póngale un nombre e indicadores y luego guárdelo.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Added “{name}”.</source>
        <translation>Se añadió «{name}».</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizado</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importado</translation>
    </message>
    <message>
        <source>{verb} “{name}” from {name2}.</source>
        <translation>{verb}: «{name}» desde {name2}.</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>Exportado a {path}.</translation>
    </message>
    <message>
        <source>Duplicated: this copy is yours to change.</source>
        <translation>Duplicado: esta copia es suya y puede cambiarla.</translation>
    </message>
    <message>
        <source>Shared: your team gets this set at their next sync.</source>
        <translation>Compartido: su equipo recibirá este conjunto la próxima vez que sincronice.</translation>
    </message>
    <message>
        <source>Now private to you.</source>
        <translation>Ahora es privado, solo para usted.</translation>
    </message>
    <message>
        <source>Delete look-for set</source>
        <translation>Eliminar conjunto de indicadores</translation>
    </message>
    <message>
        <source>Delete this look-for set? Evidence already tagged keeps its tags.</source>
        <translation>¿Eliminar este conjunto de indicadores? La evidencia ya etiquetada conserva sus etiquetas.</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>Eliminado.</translation>
    </message>
</context>
<context>
    <name>GroupRow</name>
    <message>
        <source>{voices} of {seats} spoke</source>
        <translation>{voices} de {seats} hablaron</translation>
    </message>
</context>
<context>
    <name>ImageAttacher</name>
    <message>
        <source>The pasted image is empty; nothing was stored.</source>
        <extracomment>What the file dialog offers and what a drop or a pasted file may be. The redaction dialog being shown, if any (tests drive it).</extracomment>
        <translation>La imagen pegada está vacía; no se guardó nada.</translation>
    </message>
    <message>
        <source>The pasted image</source>
        <translation>La imagen pegada</translation>
    </message>
    <message>
        <source>Attach an image of student work</source>
        <translation>Adjuntar una imagen del trabajo de los estudiantes</translation>
    </message>
    <message>
        <source>Images and scans (%1)</source>
        <translation>Imágenes y escaneos (%1)</translation>
    </message>
    <message>
        <source>Reading the image…</source>
        <translation>Leyendo la imagen…</translation>
    </message>
</context>
<context>
    <name>ImpactWindow</name>
    <message>
        <source>My records on this computer</source>
        <translation>Mis registros en este equipo</translation>
    </message>
    <message>
        <source>School figures (leader sign-in)…</source>
        <translation>Datos de la escuela (acceso de dirección)…</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Impacto</translation>
    </message>
    <message>
        <source>Impact view</source>
        <translation>Vista de impacto</translation>
    </message>
    <message>
        <source>Whose figures</source>
        <translation>De quién son los datos</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Export &amp;all…</source>
        <translation>Exportar t&amp;odo…</translation>
    </message>
    <message>
        <source>Save every table as CSV files in a folder</source>
        <translation>Guardar cada tabla como archivo CSV en una carpeta</translation>
    </message>
    <message>
        <source>Figures &amp;for:</source>
        <translation>Datos &amp;de:</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>D&amp;esde:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <source>Impact status</source>
        <translation>Estado del impacto</translation>
    </message>
    <message>
        <source>Impact summary</source>
        <translation>Resumen del impacto</translation>
    </message>
    <message>
        <source>Impact figures</source>
        <translation>Datos de impacto</translation>
    </message>
    <message>
        <source>&amp;Visits</source>
        <translation>&amp;Visitas</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>&amp;Tiempo</translation>
    </message>
    <message>
        <source>C&amp;ycles</source>
        <translation>&amp;Ciclos</translation>
    </message>
    <message>
        <source>&amp;Look-fors</source>
        <translation>&amp;Indicadores</translation>
    </message>
    <message>
        <source>&amp;Participation</source>
        <translation>&amp;Participación</translation>
    </message>
    <message>
        <source>Visits per week</source>
        <translation>Visitas por semana</translation>
    </message>
    <message>
        <source>Coaching vs other duties, by week</source>
        <translation>Coaching frente a otras tareas, por semana</translation>
    </message>
    <message>
        <source>Time by activity</source>
        <translation>Tiempo por actividad</translation>
    </message>
    <message>
        <source>Coaching cycles</source>
        <translation>Ciclos de coaching</translation>
    </message>
    <message>
        <source>Work samples, student surveys and assessments</source>
        <translation>Muestras de trabajo, encuestas a estudiantes y evaluaciones</translation>
    </message>
    <message>
        <source>Cycles at school level</source>
        <translation>Ciclos a nivel de escuela</translation>
    </message>
    <message>
        <source>Look-fors seen</source>
        <translation>Indicadores observados</translation>
    </message>
    <message>
        <source>Look-for trends by week</source>
        <translation>Tendencias de indicadores por semana</translation>
    </message>
    <message>
        <source>Equity of voice by week</source>
        <translation>Equidad de voz por semana</translation>
    </message>
    <message>
        <source>Chart: {title}</source>
        <translation>Gráfico: {title}</translation>
    </message>
    <message>
        <source>Loading {description}…</source>
        <translation>Cargando {description}…</translation>
    </message>
    <message>
        <source>The figures could not be loaded.</source>
        <translation>No se pudieron cargar los datos.</translation>
    </message>
    <message>
        <source>{day} to {day2}</source>
        <translation>{day} a {day2}</translation>
    </message>
    <message>
        <source>all dates</source>
        <translation>todas las fechas</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visitas</translation>
    </message>
    <message>
        <source>Coaching</source>
        <translation>Coaching</translation>
    </message>
    <message>
        <source>Other duties</source>
        <translation>Otras tareas</translation>
    </message>
    <message>
        <source>Minutes per week: coaching vs other duties</source>
        <translation>Minutos por semana: coaching frente a otras tareas</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>Minutes by activity (whole period)</source>
        <translation>Minutos por actividad (todo el periodo)</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Punto de partida</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Más reciente</translation>
    </message>
    <message>
        <source>Each cycle&apos;s measure: baseline vs latest measured visit</source>
        <translation>Medida de cada ciclo: punto de partida frente a la última visita medida</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Medida</translation>
    </message>
    <message>
        <source>Typical baseline</source>
        <translation>Punto de partida típico</translation>
    </message>
    <message>
        <source>Typical latest</source>
        <translation>Valor reciente típico</translation>
    </message>
    <message>
        <source>Cycle measures at school level: baseline vs latest (median)</source>
        <translation>Medidas de los ciclos a nivel de escuela: punto de partida frente al más reciente (mediana)</translation>
    </message>
    <message>
        <source>Share of evidence tagged, by week (five most tagged look-fors)</source>
        <translation>Proporción de evidencia etiquetada, por semana (los cinco indicadores más etiquetados)</translation>
    </message>
    <message>
        <source>% of evidence</source>
        <translation>% de la evidencia</translation>
    </message>
    <message>
        <source>Evidence tagged</source>
        <translation>Evidencia etiquetada</translation>
    </message>
    <message>
        <source>Evidence tagged per look-for (whole period)</source>
        <translation>Evidencia etiquetada por indicador (todo el periodo)</translation>
    </message>
    <message>
        <source>Evidence items</source>
        <translation>Elementos de evidencia</translation>
    </message>
    <message>
        <source>Share of class heard</source>
        <translation>Proporción de la clase escuchada</translation>
    </message>
    <message>
        <source>Talk from the most-heard quarter</source>
        <translation>Intervenciones del cuarto más escuchado</translation>
    </message>
    <message>
        <source>Equity of voice by week (visits with a participation tally)</source>
        <translation>Equidad de voz por semana (visitas con conteo de participación)</translation>
    </message>
    <message>
        <source>Saved {count} CSV files in {folder}.</source>
        <translation>Se guardaron {count} archivos CSV en {folder}.</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>Se guardó {path}.</translation>
    </message>
</context>
<context>
    <name>ImportScoresDialog</name>
    <message>
        <source>Import assessment scores</source>
        <translation>Importar calificaciones de una evaluación</translation>
    </message>
    <message>
        <source>Choose a CSV with a column of scores (a student number may stand beside it). Only how many students got each score is kept; names are not stored.</source>
        <translation>Elija un CSV con una columna de calificaciones (puede haber un número de estudiante al lado). Solo se guarda cuántos estudiantes obtuvieron cada calificación; los nombres no se guardan.</translation>
    </message>
    <message>
        <source>Meets the goal at or above</source>
        <translation>Alcanza la meta con al menos</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>sin indicar</translation>
    </message>
    <message>
        <source>Out of</source>
        <translation>Sobre</translation>
    </message>
    <message>
        <source>&amp;Meets at or above:</source>
        <translation>&amp;Alcanza con al menos:</translation>
    </message>
    <message>
        <source>&amp;Out of:</source>
        <translation>&amp;Sobre:</translation>
    </message>
</context>
<context>
    <name>ImportSurveyDialog</name>
    <message>
        <source>Import a student survey</source>
        <translation>Importar una encuesta a estudiantes</translation>
    </message>
    <message>
        <source>Choose the CSV export of a Google Forms or Microsoft Forms survey. Only how many students chose each answer is kept: names, emails, ids and times are dropped, and free-text answers are left out.</source>
        <translation>Elija el CSV exportado de una encuesta de Google Forms o Microsoft Forms. Solo se guarda cuántos estudiantes eligieron cada respuesta: se descartan nombres, correos, identificadores y horas, y se omiten las respuestas de texto libre.</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <source>Invite to read shared feedback</source>
        <translation>Invitar a leer la retroalimentación compartida</translation>
    </message>
    <message>
        <source>Invite {name} ({email}) to read the feedback you share with them and to write their reflection. Your server makes a one-time link and a short code, valid for 14 days; nothing is sent to the teacher: you hand them over.</source>
        <translation>Invite a {name} ({email}) a leer la retroalimentación que usted comparte con esa persona y a escribir su reflexión. Su servidor crea un enlace de un solo uso y un código corto, válidos durante 14 días; no se envía nada al docente: usted se los entrega.</translation>
    </message>
    <message>
        <source>no email</source>
        <translation>sin correo</translation>
    </message>
    <message>
        <source>Invitation status</source>
        <translation>Estado de la invitación</translation>
    </message>
    <message>
        <source>Invitation link</source>
        <translation>Enlace de invitación</translation>
    </message>
    <message>
        <source>Invitation code</source>
        <translation>Código de invitación</translation>
    </message>
    <message>
        <source>Copy &amp;link</source>
        <translation>Copiar &amp;enlace</translation>
    </message>
    <message>
        <source>Copy c&amp;ode</source>
        <translation>Copiar c&amp;ódigo</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Válida hasta</translation>
    </message>
    <message>
        <source>&amp;Print the link as a QR code on this teacher&apos;s next feedback sheet</source>
        <translation>&amp;Imprimir el enlace como código QR en la próxima hoja de retroalimentación de este docente</translation>
    </message>
    <message>
        <source>Lin&amp;k:</source>
        <translation>En&amp;lace:</translation>
    </message>
    <message>
        <source>Co&amp;de:</source>
        <translation>Có&amp;digo:</translation>
    </message>
    <message>
        <source>&amp;Make invitation</source>
        <translation>&amp;Crear invitación</translation>
    </message>
    <message>
        <source>Asking your server for an invitation…</source>
        <translation>Pidiendo una invitación a su servidor…</translation>
    </message>
    <message>
        <source>Valid until {when}.</source>
        <translation>Válida hasta {when}.</translation>
    </message>
    <message>
        <source>&amp;Make a new invitation</source>
        <translation>&amp;Crear una invitación nueva</translation>
    </message>
    <message>
        <source>Give {name} the link, or the code to type on your server&apos;s invitation page. A new invitation replaces this one.</source>
        <translation>Entregue a {name} el enlace, o el código para escribirlo en la página de invitaciones de su servidor. Una invitación nueva sustituye a esta.</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Copiado.</translation>
    </message>
</context>
<context>
    <name>KeyboardHelp</name>
    <message>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
</context>
<context>
    <name>KeyboardHelpDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Search shortcuts</source>
        <translation>Buscar atajos</translation>
    </message>
    <message>
        <source>Type part of a command or a key</source>
        <translation>Escriba parte de un comando o una tecla</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>Shortcuts by menu</source>
        <translation>Atajos por menú</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Comando</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Shortcuts shown</source>
        <translation>Atajos mostrados</translation>
    </message>
    <message>
        <source>No shortcut matches; try fewer letters.</source>
        <translation>Ningún atajo coincide; pruebe con menos letras.</translation>
    </message>
    <message>
        <source>1 shortcut</source>
        <translation>1 atajo</translation>
    </message>
    <message>
        <source>%1 shortcuts</source>
        <translation>%1 atajos</translation>
    </message>
</context>
<context>
    <name>KindDelegate</name>
    <message>
        <source>Evidence kind</source>
        <translation>Tipo de evidencia</translation>
    </message>
</context>
<context>
    <name>KindSelector</name>
    <message>
        <source>Contribution kind</source>
        <extracomment>The order of the 1…4 keys; also the order on screen.</extracomment>
        <translation>Tipo de intervención</translation>
    </message>
    <message>
        <source>Tally the next contribution as “{kind}” (Alt+{n}, or {n} on the seat grid)</source>
        <translation>Registrar la próxima intervención como «{kind}» (Alt+{n}, o {n} en la cuadrícula de asientos)</translation>
    </message>
</context>
<context>
    <name>LeaderSignIn</name>
    <message>
        <source>School leaders see figures for the whole school: visits per week, coaching time, look-fors seen and participation. No notes, evidence, teacher names or cycles leave coaches&apos; computers. Sign in with your leader account.</source>
        <translation>La dirección de la escuela ve los datos de toda la escuela: visitas por semana, tiempo de coaching, indicadores observados y participación. Ninguna nota, evidencia, nombre de docente ni ciclo sale de los equipos de los coaches. Inicie sesión con su cuenta de dirección.</translation>
    </message>
</context>
<context>
    <name>LeaderSignInDialog</name>
    <message>
        <source>School figures: sign in</source>
        <translation>Datos de la escuela: iniciar sesión</translation>
    </message>
    <message>
        <source>https://observe.school.org</source>
        <translation>https://observe.escuela.org</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation>Mensaje de inicio de sesión</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Correo:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Con&amp;traseña:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
</context>
<context>
    <name>LicenseDialog</name>
    <message>
        <source>{APP_NAME} license</source>
        <translation>Licencia de {APP_NAME}</translation>
    </message>
    <message>
        <source>License text</source>
        <translation>Texto de la licencia</translation>
    </message>
</context>
<context>
    <name>LinkVisitsDialog</name>
    <message>
        <source>Visits in this cycle</source>
        <translation>Visitas de este ciclo</translation>
    </message>
    <message>
        <source>Tick the visits to this teacher&apos;s classes that are part of the cycle. Their tallies and tagged evidence become the cycle&apos;s measure, visit by visit.</source>
        <translation>Marque las visitas a las clases de este docente que forman parte del ciclo. Sus conteos y su evidencia etiquetada pasan a ser la medida del ciclo, visita a visita.</translation>
    </message>
    <message>
        <source>Visits to this teacher&apos;s classes</source>
        <translation>Visitas a las clases de este docente</translation>
    </message>
    <message>
        <source> (in another cycle)</source>
        <translation> (en otro ciclo)</translation>
    </message>
    <message>
        <source>This teacher has no visits yet. Visits you make appear here.</source>
        <translation>Este docente todavía no tiene visitas. Las visitas que haga aparecerán aquí.</translation>
    </message>
</context>
<context>
    <name>LogEntryDialog</name>
    <message>
        <source>Edit log entry</source>
        <translation>Editar registro de tiempo</translation>
    </message>
    <message>
        <source>Log time</source>
        <translation>Registrar tiempo</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Coaching cycle</source>
        <translation>Ciclo de coaching</translation>
    </message>
    <message>
        <source>What it was, e.g. “Grade 7 PLC: exit tickets”</source>
        <translation>Qué fue, p. ej., «Comunidad de aprendizaje de 7.º: tickets de salida»</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Log message</source>
        <translation>Mensaje del registro</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Día:</translation>
    </message>
    <message>
        <source>&amp;Minutes:</source>
        <translation>&amp;Minutos:</translation>
    </message>
    <message>
        <source>&amp;Activity:</source>
        <translation>&amp;Actividad:</translation>
    </message>
    <message>
        <source>C&amp;ycle:</source>
        <translation>C&amp;iclo:</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>N&amp;ota:</translation>
    </message>
    <message>
        <source>Save and add a&amp;nother</source>
        <translation>Guardar y añadir o&amp;tro</translation>
    </message>
    <message>
        <source>(completed cycle)</source>
        <translation>(ciclo completado)</translation>
    </message>
    <message>
        <source>Saved {minutes} minutes ({label}) on {day}.</source>
        <translation>Se guardaron {minutes} minutos ({label}) el {day}.</translation>
    </message>
</context>
<context>
    <name>LookForsPanel</name>
    <message>
        <source>No look-for set yet: add a starter set in Coaching → Look-for frameworks (Ctrl+Alt+F), or use one your team shares.</source>
        <extracomment>Record kinds whose changes can alter which look-fors are shown. Record kinds whose changes alter the seen / not yet tallies beside each look-for.</extracomment>
        <translation>Todavía no hay conjunto de indicadores: añada un conjunto inicial en Coaching → Marcos de indicadores (Ctrl+Alt+F) o use uno que comparta su equipo.</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
    <message>
        <source>Look-fors</source>
        <extracomment>The panel&apos;s title; hide it if the window&apos;s dock already shows one.</extracomment>
        <translation>Indicadores</translation>
    </message>
    <message>
        <source>Look-for set</source>
        <translation>Conjunto de indicadores</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Tecla</translation>
    </message>
    <message>
        <source>Look-for</source>
        <translation>Indicador</translation>
    </message>
    <message>
        <source>Look-fors; Enter toggles the tag on the current evidence</source>
        <translation>Indicadores; Intro activa o quita la etiqueta en la evidencia actual</translation>
    </message>
    <message>
        <source>Press a look-for&apos;s key once to tag an item as about it, again to mark it ✓ seen, again for ○ not yet, and again to remove the tag.</source>
        <extracomment>How the keys mark a tag; the tallies in the tree use the same words and symbols.</extracomment>
        <translation>Pulse una vez la tecla de un indicador para etiquetar un elemento con él, otra vez para marcarlo ✓ observado, otra para ○ todavía no y otra más para quitar la etiqueta.</translation>
    </message>
    <message>
        <source>How to mark look-fors</source>
        <translation>Cómo marcar indicadores</translation>
    </message>
    <message>
        <source>Toggle look-for {n}</source>
        <translation>Activar o quitar el indicador {n}</translation>
    </message>
    <message>
        <source>Category: {category}</source>
        <translation>Categoría: {category}</translation>
    </message>
    <message>
        <source>Click, press Enter or {key} to toggle this tag.</source>
        <translation>Haga clic, pulse Intro o {key} para activar o quitar esta etiqueta.</translation>
    </message>
    <message>
        <source>Click or press Enter to toggle this tag.</source>
        <translation>Haga clic o pulse Intro para activar o quitar esta etiqueta.</translation>
    </message>
    <message>
        <source>; this visit: {tally}</source>
        <translation>; en esta visita: {tally}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Profile: {name}</source>
        <translation>Perfil: {name}</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>Save state</source>
        <translation>Estado de guardado</translation>
    </message>
    <message>
        <source>&amp;Load demo data…</source>
        <translation>&amp;Cargar datos de demostración…</translation>
    </message>
    <message>
        <source>Fill this empty profile with made-up records</source>
        <translation>Llenar este perfil vacío con registros inventados</translation>
    </message>
    <message>
        <source>&amp;Open profile folder</source>
        <translation>&amp;Abrir carpeta del perfil</translation>
    </message>
    <message>
        <source>Show the profile folder in your file manager</source>
        <translation>Mostrar la carpeta del perfil en el administrador de archivos</translation>
    </message>
    <message>
        <source>&amp;Back up database…</source>
        <translation>Hacer c&amp;opia de seguridad de la base de datos…</translation>
    </message>
    <message>
        <source>Save a copy of this profile&apos;s database</source>
        <translation>Guardar una copia de la base de datos de este perfil</translation>
    </message>
    <message>
        <source>&amp;Recover records into a new profile…</source>
        <translation>Recu&amp;perar registros en un perfil nuevo…</translation>
    </message>
    <message>
        <source>Save every readable record of this profile into a new profile folder</source>
        <translation>Guardar todos los registros legibles de este perfil en una carpeta de perfil nueva</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Close {APP_NAME}</source>
        <translation>Cerrar {APP_NAME}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>Your name, paper, theme…</source>
        <translation>Su nombre, papel, tema…</translation>
    </message>
    <message>
        <source>&amp;Capture</source>
        <translation>&amp;Captura</translation>
    </message>
    <message>
        <source>&amp;Look-for tags</source>
        <translation>&amp;Etiquetas de indicadores</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Count the records again</source>
        <translation>Volver a contar los registros</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Cla&amp;sses</source>
        <translation>C&amp;lases</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Informes</translation>
    </message>
    <message>
        <source>&amp;About {APP_NAME}</source>
        <translation>&amp;Acerca de {APP_NAME}</translation>
    </message>
    <message>
        <source>Version and folders</source>
        <translation>Versión y carpetas</translation>
    </message>
    <message>
        <source>Show &amp;log folder</source>
        <translation>Mostrar carpeta de &amp;registros</translation>
    </message>
    <message>
        <source>Open the folder with Observe&apos;s log files</source>
        <translation>Abrir la carpeta con los archivos de registro de Observe</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <source>Every key Observe answers to</source>
        <translation>Todas las teclas a las que responde Observe</translation>
    </message>
    <message>
        <source>The visit “%1” from %2 is still running. End it at %3, when its last evidence was captured? The hours since then are not counted.</source>
        <translation>La visita «%1» del %2 sigue en curso. ¿Terminarla a las %3, cuando se capturó su última evidencia? Las horas transcurridas desde entonces no se cuentan.</translation>
    </message>
    <message>
        <source>{day} at {time}</source>
        <translation>{day} a las {time}</translation>
    </message>
    <message>
        <source>&amp;End at %1</source>
        <translation>&amp;Terminar a las %1</translation>
    </message>
    <message>
        <source>%1 visits from earlier days are still running: %2. End each at its last evidence? The hours since then are not counted.</source>
        <translation>%1 visitas de días anteriores siguen en curso: %2. ¿Terminar cada una en su última evidencia? Las horas transcurridas desde entonces no se cuentan.</translation>
    </message>
    <message>
        <source>&amp;End them at their last evidence</source>
        <translation>&amp;Terminarlas en su última evidencia</translation>
    </message>
    <message>
        <source>&amp;Keep running</source>
        <translation>&amp;Mantener en curso</translation>
    </message>
    <message>
        <source>Counting records…</source>
        <translation>Contando registros…</translation>
    </message>
    <message>
        <source>Loading demo data…</source>
        <translation>Cargando datos de demostración…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>Cargar datos de demostración</translation>
    </message>
    <message>
        <source>Loading demo data</source>
        <translation>Cargando datos de demostración</translation>
    </message>
    <message>
        <source>Saving demo data…</source>
        <translation>Guardando datos de demostración…</translation>
    </message>
    <message>
        <source>Loading demo data was cancelled; nothing was added.</source>
        <translation>Se canceló la carga de datos de demostración; no se añadió nada.</translation>
    </message>
    <message>
        <source>Demo data loaded in {seconds} s.</source>
        <translation>Datos de demostración cargados en {seconds} s.</translation>
    </message>
    <message>
        <source>Demo data loaded.</source>
        <translation>Datos de demostración cargados.</translation>
    </message>
    <message>
        <source>Observe backup {day}.sqlite3</source>
        <translation>Copia de seguridad de Observe {day}.sqlite3</translation>
    </message>
    <message>
        <source>Back up database</source>
        <translation>Hacer copia de seguridad de la base de datos</translation>
    </message>
    <message>
        <source>Observe database (*.sqlite3);;All files (*)</source>
        <translation>Base de datos de Observe (*.sqlite3);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>{dest} is the profile&apos;s own database file. Choose a different name or folder for the backup.</source>
        <translation>{dest} es el propio archivo de base de datos del perfil. Elija otro nombre u otra carpeta para la copia de seguridad.</translation>
    </message>
    <message>
        <source>Observe couldn&apos;t save the backup to {dest} ({reason}). Check that the folder exists, that you can write to it and that the disk has free space, then try again. Your data was not changed.</source>
        <translation>Observe no pudo guardar la copia de seguridad en {dest} ({reason}). Compruebe que la carpeta existe, que puede escribir en ella y que el disco tiene espacio libre, y vuelva a intentarlo. Sus datos no se modificaron.</translation>
    </message>
    <message>
        <source>Backing up to {dest}…</source>
        <translation>Haciendo copia de seguridad en {dest}…</translation>
    </message>
    <message>
        <source>Backed up to {path}.</source>
        <translation>Copia de seguridad guardada en {path}.</translation>
    </message>
    <message>
        <source>Open it with observe --data-dir, or from the folder it is in.</source>
        <translation>Ábralo con observe --data-dir o desde la carpeta donde está.</translation>
    </message>
    <message>
        <source>Recovering records into %1…</source>
        <translation>Recuperando registros en %1…</translation>
    </message>
    <message>
        <source>Observe couldn&apos;t open a file manager. The {what} is:
{folder}</source>
        <translation>Observe no pudo abrir un administrador de archivos. La {what} es:
{folder}</translation>
    </message>
    <message>
        <source>profile folder</source>
        <translation>carpeta del perfil</translation>
    </message>
    <message>
        <source>log folder</source>
        <translation>carpeta de registros</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>Delete the visit “{label}”, with {contents}?

It is deleted on your other devices and the sync server at their next sync. Edit → Undo brings it back.</source>
        <extracomment>Works out what would go and returns the question plus the deletion to run if the coach agrees.</extracomment>
        <translation>¿Eliminar la visita «{label}», con {contents}?

Se eliminará en sus otros dispositivos y en el servidor de sincronización cuando estos se sincronicen. Editar → Deshacer la recupera.</translation>
    </message>
    <message>
        <source>Navigator</source>
        <extracomment>Record kinds whose changes show in each tab.</extracomment>
        <translation>Navegador</translation>
    </message>
    <message>
        <source>Navigator views</source>
        <translation>Vistas del navegador</translation>
    </message>
    <message>
        <source>&amp;Visits</source>
        <translation>&amp;Visitas</translation>
    </message>
    <message>
        <source>&amp;Teachers</source>
        <translation>&amp;Docentes</translation>
    </message>
    <message>
        <source>Walks and visits by date, newest first</source>
        <translation>Recorridos y visitas por fecha, los más recientes primero</translation>
    </message>
    <message>
        <source>Teachers and their classes</source>
        <translation>Docentes y sus clases</translation>
    </message>
    <message>
        <source>New &amp;teacher…</source>
        <translation>Nuevo &amp;docente…</translation>
    </message>
    <message>
        <source>Add a teacher to this profile</source>
        <translation>Añadir un docente a este perfil</translation>
    </message>
    <message>
        <source>New &amp;classroom…</source>
        <translation>Nueva &amp;clase…</translation>
    </message>
    <message>
        <source>Add a class for a teacher</source>
        <translation>Añadir una clase a un docente</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>Edit the selected teacher or class</source>
        <translation>Editar el docente o la clase seleccionados</translation>
    </message>
    <message>
        <source>Edit &amp;school…</source>
        <translation>Editar escuel&amp;a…</translation>
    </message>
    <message>
        <source>The school&apos;s name on feedback sheets and its time zone</source>
        <translation>El nombre de la escuela en las hojas de retroalimentación y su zona horaria</translation>
    </message>
    <message>
        <source>In&amp;vite to read shared feedback…</source>
        <translation>In&amp;vitar a leer la retroalimentación compartida…</translation>
    </message>
    <message>
        <source>Make a one-time link and code so the selected teacher can read what you share</source>
        <translation>Crear un enlace y un código de un solo uso para que el docente seleccionado pueda leer lo que usted comparte</translation>
    </message>
    <message>
        <source>Refresh teachers&apos; &amp;account status</source>
        <translation>Actualizar el es&amp;tado de las cuentas de los docentes</translation>
    </message>
    <message>
        <source>Ask your sync server which teachers have been invited or signed in</source>
        <translation>Preguntar a su servidor de sincronización qué docentes han sido invitados o han iniciado sesión</translation>
    </message>
    <message>
        <source>&amp;Import roster…</source>
        <translation>&amp;Importar lista de clases…</translation>
    </message>
    <message>
        <source>Add teachers and classes from a CSV file</source>
        <translation>Añadir docentes y clases desde un archivo CSV</translation>
    </message>
    <message>
        <source>&amp;Delete visit…</source>
        <translation>&amp;Eliminar visita…</translation>
    </message>
    <message>
        <source>Delete the selected visit and everything recorded in it</source>
        <translation>Eliminar la visita seleccionada y todo lo registrado en ella</translation>
    </message>
    <message>
        <source>De&amp;lete teacher or class…</source>
        <translation>E&amp;liminar docente o clase…</translation>
    </message>
    <message>
        <source>Delete the selected teacher or class, while nothing was observed with them</source>
        <translation>Eliminar el docente o la clase seleccionados, siempre que no se haya observado nada con ellos</translation>
    </message>
    <message>
        <source>no classes yet</source>
        <translation>todavía sin clases</translation>
    </message>
    <message>
        <source>1 class</source>
        <translation>1 clase</translation>
    </message>
    <message>
        <source>{count} classes</source>
        <translation>{count} clases</translation>
    </message>
    <message>
        <source>, account {status}</source>
        <translation>, cuenta {status}</translation>
    </message>
    <message>
        <source>{name}: account {status}</source>
        <translation>{name}: cuenta {status}</translation>
    </message>
    <message>
        <source>Today · {day}</source>
        <translation>Hoy · {day}</translation>
    </message>
    <message>
        <source>Yesterday · {day}</source>
        <translation>Ayer · {day}</translation>
    </message>
    <message>
        <source> · running</source>
        <translation> · en curso</translation>
    </message>
    <message>
        <source>{kind}: {classroom}{where}, {day} at {time}</source>
        <translation>{kind}: {classroom}{where}, {day} a las {time}</translation>
    </message>
    <message>
        <source>. Still running: not ended yet (Ctrl+E).</source>
        <translation>. Sigue en curso: todavía no ha terminado (Ctrl+E).</translation>
    </message>
    <message>
        <source>1 visit</source>
        <translation>1 visita</translation>
    </message>
    <message>
        <source>{count} visits</source>
        <translation>{count} visitas</translation>
    </message>
    <message>
        <source>{time}  Walk: {title}</source>
        <translation>{time}  Recorrido: {title}</translation>
    </message>
    <message>
        <source>Learning walk: {title} (focus: {focus})</source>
        <translation>Recorrido de aprendizaje: {title} (enfoque: {focus})</translation>
    </message>
    <message>
        <source>Learning walk: {title}</source>
        <translation>Recorrido de aprendizaje: {title}</translation>
    </message>
    <message>
        <source>Visit</source>
        <extracomment>A page or a refresh has been applied (tests and the empty-state label wait on it).</extracomment>
        <translation>Visita</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>No visits yet. Visits and learning walks appear here as you make them, newest day first.</source>
        <translation>Todavía no hay visitas. Las visitas y los recorridos de aprendizaje aparecen aquí a medida que los hace, con el día más reciente primero.</translation>
    </message>
    <message>
        <source>{problem} The list tries again when visits change.</source>
        <translation>{problem} La lista vuelve a intentarlo cuando cambian las visitas.</translation>
    </message>
    <message>
        <source>this visit</source>
        <translation>esta visita</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>The operation was cancelled.</source>
        <extracomment>Progress is forwarded at most this often; a tight loop reporting every row would otherwise flood the GUI thread&apos;s event queue faster than it can repaint.</extracomment>
        <translation>Se canceló la operación.</translation>
    </message>
</context>
<context>
    <name>OrphanChoices</name>
    <message>
        <source>Move &amp;to:</source>
        <extracomment>A callable that resolves the shown conflict (the dialog runs it like keep mine).</extracomment>
        <translation>Mover &amp;a:</translation>
    </message>
    <message>
        <source>Visit to move to</source>
        <translation>Visita a la que mover</translation>
    </message>
    <message>
        <source>Bring the deleted record back on every device, with what was added to it</source>
        <translation>Recuperar el registro eliminado en todos los dispositivos, con lo que se le añadió</translation>
    </message>
    <message>
        <source>Delete what was added, on every device</source>
        <translation>Eliminar lo que se añadió, en todos los dispositivos</translation>
    </message>
</context>
<context>
    <name>PaneActions</name>
    <message>
        <source>&amp;New visit…</source>
        <translation>&amp;Nueva visita…</translation>
    </message>
    <message>
        <source>Start a visit in a classroom</source>
        <translation>Empezar una visita en una clase</translation>
    </message>
    <message>
        <source>New learning &amp;walk…</source>
        <translation>Nuevo &amp;recorrido de aprendizaje…</translation>
    </message>
    <message>
        <source>Start a learning walk: a new walk and its first classroom</source>
        <translation>Empezar un recorrido de aprendizaje: un recorrido nuevo y su primera clase</translation>
    </message>
    <message>
        <source>Ne&amp;xt classroom on walk…</source>
        <translation>Si&amp;guiente clase del recorrido…</translation>
    </message>
    <message>
        <source>End this visit and start the next one on the same learning walk</source>
        <translation>Terminar esta visita y empezar la siguiente en el mismo recorrido de aprendizaje</translation>
    </message>
    <message>
        <source>&amp;End visit</source>
        <translation>&amp;Terminar visita</translation>
    </message>
    <message>
        <source>Record the visit&apos;s end time</source>
        <translation>Registrar la hora de fin de la visita</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Ed&amp;it item</source>
        <translation>Ed&amp;itar elemento</translation>
    </message>
    <message>
        <source>Edit the selected item&apos;s text (or the last one)</source>
        <translation>Editar el texto del elemento seleccionado (o del último)</translation>
    </message>
    <message>
        <source>&amp;Delete item</source>
        <translation>&amp;Eliminar elemento</translation>
    </message>
    <message>
        <source>Delete the selected items</source>
        <translation>Eliminar los elementos seleccionados</translation>
    </message>
    <message>
        <source>Go to capture &amp;line</source>
        <translation>Ir a la &amp;línea de captura</translation>
    </message>
    <message>
        <source>Put the cursor in the capture line</source>
        <translation>Poner el cursor en la línea de captura</translation>
    </message>
    <message>
        <source>Go to &amp;timeline</source>
        <translation>Ir a la &amp;cronología</translation>
    </message>
    <message>
        <source>Move to the list of saved items</source>
        <translation>Ir a la lista de elementos guardados</translation>
    </message>
    <message>
        <source>&amp;Previous prompt</source>
        <translation>&amp;Pregunta anterior</translation>
    </message>
    <message>
        <source>Listening session: the previous prompt</source>
        <translation>Sesión de escucha: la pregunta anterior</translation>
    </message>
    <message>
        <source>Next pro&amp;mpt</source>
        <translation>Siguiente pre&amp;gunta</translation>
    </message>
    <message>
        <source>Listening session: the next prompt</source>
        <translation>Sesión de escucha: la pregunta siguiente</translation>
    </message>
    <message>
        <source>Attach &amp;image…</source>
        <translation>Adjuntar &amp;imagen…</translation>
    </message>
    <message>
        <source>Attach a photo or scan of student work (JPEG, PNG, HEIC, PDF) as an artifact; black out names first. Ctrl+V of an image or a drop works too</source>
        <translation>Adjuntar una foto o un escaneo del trabajo de los estudiantes (JPEG, PNG, HEIC, PDF) como artefacto; tape antes los nombres. También sirve Ctrl+V de una imagen o arrastrarla</translation>
    </message>
    <message>
        <source>&amp;Take a photo…</source>
        <translation>Hacer una &amp;foto…</translation>
    </message>
    <message>
        <source>Take a photo of student work with a webcam or document camera; black out names first</source>
        <translation>Hacer una foto del trabajo de los estudiantes con una webcam o una cámara de documentos; tape antes los nombres</translation>
    </message>
    <message>
        <source>Language &amp;hints</source>
        <translation>&amp;Sugerencias de lenguaje</translation>
    </message>
    <message>
        <source>Quietly suggest low-inference wording for evaluative words</source>
        <translation>Sugerir discretamente una redacción de baja inferencia para las palabras valorativas</translation>
    </message>
    <message>
        <source>Record {lower} (or re-kind the selected item)</source>
        <translation>Registrar {lower} (o cambiar el tipo del elemento seleccionado)</translation>
    </message>
    <message>
        <source>Toggle look-for {n}</source>
        <translation>Activar o quitar el indicador {n}</translation>
    </message>
    <message>
        <source>Tag the line being typed (or the selected item) with look-for {n}; press again to mark it ✓ seen, again for ○ not yet, again to remove it</source>
        <translation>Etiquetar la línea que se escribe (o el elemento seleccionado) con el indicador {n}; pulse otra vez para marcarlo ✓ observado, otra para ○ todavía no y otra para quitarlo</translation>
    </message>
</context>
<context>
    <name>PaneLayout</name>
    <message>
        <source>Capture</source>
        <translation>Captura</translation>
    </message>
    <message>
        <source>No visit is open. Start one to capture evidence.</source>
        <translation>No hay ninguna visita abierta. Empiece una para capturar evidencias.</translation>
    </message>
    <message>
        <source>&amp;Start a visit… (Ctrl+N)</source>
        <translation>&amp;Empezar una visita… (Ctrl+N)</translation>
    </message>
    <message>
        <source>Start a visit</source>
        <translation>Empezar una visita</translation>
    </message>
    <message>
        <source>Classroom</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Visit type</source>
        <translation>Tipo de visita</translation>
    </message>
    <message>
        <source>Time into visit</source>
        <translation>Tiempo de visita</translation>
    </message>
    <message>
        <source>Ne&amp;xt classroom</source>
        <translation>&amp;Siguiente clase</translation>
    </message>
    <message>
        <source>Next classroom on this walk</source>
        <translation>Siguiente clase de este recorrido</translation>
    </message>
    <message>
        <source>End this visit and go to the next classroom (Ctrl+Shift+N)</source>
        <translation>Terminar esta visita e ir a la siguiente clase (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>&amp;End visit</source>
        <translation>&amp;Terminar visita</translation>
    </message>
    <message>
        <source>End visit</source>
        <translation>Terminar visita</translation>
    </message>
    <message>
        <source>Record the end time of this visit (Ctrl+E)</source>
        <translation>Registrar la hora de fin de esta visita (Ctrl+E)</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Responses are saved under this prompt (Ctrl+Up / Ctrl+Down)</source>
        <translation>Las respuestas se guardan bajo esta pregunta (Ctrl+Arriba / Ctrl+Abajo)</translation>
    </message>
    <message>
        <source>&amp;Prompt:</source>
        <translation>&amp;Pregunta:</translation>
    </message>
    <message>
        <source>Evidence kind</source>
        <translation>Tipo de evidencia</translation>
    </message>
    <message>
        <source>Kind of the next item (Alt+1…5). Starting the line with a quotation mark records student talk; t: teacher move, s: student action, a: artifact, n: note.</source>
        <translation>Tipo del próximo elemento (Alt+1…5). Empezar la línea con comillas registra lo que dicen los estudiantes; t: acción docente, s: acción de estudiantes, a: artefacto, n: nota.</translation>
    </message>
    <message>
        <source>Type what you see or hear, then Enter. Start with &quot; for student talk.</source>
        <translation>Escriba lo que ve u oye y pulse Intro. Empiece con &quot; para lo que dicen los estudiantes.</translation>
    </message>
    <message>
        <source>Look-fors for this line</source>
        <translation>Indicadores de esta línea</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Language hint</source>
        <translation>Sugerencia de lenguaje</translation>
    </message>
</context>
<context>
    <name>PaperTalliesDialog</name>
    <message>
        <source>Enter paper survey tallies</source>
        <translation>Introducir conteos de una encuesta en papel</translation>
    </message>
    <message>
        <source>One row per question: its wording, its answer scale, and the tallies in the scale&apos;s order separated by commas (e.g. 4, 7, 3, 2, 1 for Strongly agree … Strongly disagree).</source>
        <translation>Una fila por pregunta: su enunciado, su escala de respuesta y los conteos en el orden de la escala, separados por comas (p. ej., 4, 7, 3, 2, 1 para Muy de acuerdo … Muy en desacuerdo).</translation>
    </message>
    <message>
        <source>Paper survey</source>
        <translation>Encuesta en papel</translation>
    </message>
    <message>
        <source>Survey title</source>
        <translation>Título de la encuesta</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Cuándo:</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Answer scale</source>
        <translation>Escala de respuesta</translation>
    </message>
    <message>
        <source>Tallies</source>
        <translation>Conteos</translation>
    </message>
    <message>
        <source>Questions and tallies</source>
        <translation>Preguntas y conteos</translation>
    </message>
    <message>
        <source>&amp;Add question</source>
        <translation>&amp;Añadir pregunta</translation>
    </message>
    <message>
        <source>&amp;Remove question</source>
        <translation>&amp;Quitar pregunta</translation>
    </message>
    <message>
        <source>Tallies in this order: </source>
        <translation>Conteos en este orden: </translation>
    </message>
    <message>
        <source>The tallies of question {n} must be whole numbers separated by commas.</source>
        <translation>Los conteos de la pregunta {n} deben ser números enteros separados por comas.</translation>
    </message>
</context>
<context>
    <name>PdfSource</name>
    <message>
        <source>Observe couldn&apos;t read the report it made, so nothing was printed. Try again; if it keeps happening, the log has details.</source>
        <extracomment>Pages are rasterised at no more than this, which is plenty for text and keeps memory sane.</extracomment>
        <translation>Observe no pudo leer el informe que generó, así que no se imprimió nada. Vuelva a intentarlo; si sigue pasando, el registro tiene los detalles.</translation>
    </message>
    <message>
        <source>QPdfDocument status {status}</source>
        <translation>Estado de QPdfDocument {status}</translation>
    </message>
</context>
<context>
    <name>PreviewWindow</name>
    <message>
        <source>Letter</source>
        <extracomment>Makes the report for a paper size (&quot;letter&quot; or &quot;a4&quot;); runs on a worker thread.</extracomment>
        <translation>Carta</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Report preview</source>
        <translation>Vista previa del informe</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Tamaño del papel</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Guardar como PDF…</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Acercar</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>A&amp;lejar</translation>
    </message>
    <message>
        <source>&amp;Fit width</source>
        <translation>A&amp;justar al ancho</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Informe</translation>
    </message>
    <message>
        <source>Report tools</source>
        <translation>Herramientas del informe</translation>
    </message>
    <message>
        <source> Paper: </source>
        <translation> Papel: </translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>&amp;Informe</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>Generando el informe…</translation>
    </message>
    <message>
        <source>Report state</source>
        <translation>Estado del informe</translation>
    </message>
    <message>
        <source>1 page, {paper}</source>
        <translation>1 página, {paper}</translation>
    </message>
    <message>
        <source>{count} pages, {paper}</source>
        <translation>{count} páginas, {paper}</translation>
    </message>
    <message>
        <source> — DRAFT, not yet reviewed</source>
        <translation> — BORRADOR, todavía sin revisar</translation>
    </message>
    <message>
        <source>The report could not be made.</source>
        <translation>No se pudo generar el informe.</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>Imprimir informe</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Imprimiendo…</translation>
    </message>
    <message>
        <source>Sent 1 page to the printer.</source>
        <translation>Se envió 1 página a la impresora.</translation>
    </message>
    <message>
        <source>Sent {count} pages to the printer.</source>
        <translation>Se enviaron {count} páginas a la impresora.</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to {p}.</source>
        <translation>Guardado en {p}.</translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
</context>
<context>
    <name>QuickVisitDialog</name>
    <message>
        <source>What are you learning right now, and why?</source>
        <translation>¿Qué estás aprendiendo ahora mismo y para qué?</translation>
    </message>
    <message>
        <source>What do you do when you get stuck in this class?</source>
        <translation>¿Qué haces cuando te atascas en esta clase?</translation>
    </message>
    <message>
        <source>When do you get to share your thinking here?</source>
        <translation>¿Cuándo puedes compartir aquí lo que piensas?</translation>
    </message>
    <message>
        <source>Learning walk, {day}</source>
        <translation>Recorrido de aprendizaje, {day}</translation>
    </message>
    <message>
        <source>Start a visit</source>
        <extracomment>A running visit to end when (and only if) the new one starts. Off a walk, the visit type the coach chose in Settings.</extracomment>
        <translation>Empezar una visita</translation>
    </message>
    <message>
        <source>Teacher or classroom</source>
        <translation>Docente o clase</translation>
    </message>
    <message>
        <source>Type a teacher, subject, period or room</source>
        <translation>Escriba un docente, una materia, un periodo o un aula</translation>
    </message>
    <message>
        <source>Matching classrooms</source>
        <translation>Clases que coinciden</translation>
    </message>
    <message>
        <source>Visit type</source>
        <translation>Tipo de visita</translation>
    </message>
    <message>
        <source>Coaching cycle</source>
        <translation>Ciclo de coaching</translation>
    </message>
    <message>
        <source>Visits in a cycle count towards its progress (Coaching → Cycles).</source>
        <translation>Las visitas de un ciclo cuentan para su progreso (Coaching → Ciclos).</translation>
    </message>
    <message>
        <source>C&amp;oaching cycle:</source>
        <translation>C&amp;iclo de coaching:</translation>
    </message>
    <message>
        <source>Learning walk</source>
        <translation>Recorrido de aprendizaje</translation>
    </message>
    <message>
        <source>New walk title</source>
        <translation>Título del recorrido nuevo</translation>
    </message>
    <message>
        <source>Walk &amp;title:</source>
        <translation>&amp;Título del recorrido:</translation>
    </message>
    <message>
        <source>Prompts, one per line</source>
        <translation>Preguntas, una por línea</translation>
    </message>
    <message>
        <source>&amp;Prompts
(one per line):</source>
        <translation>&amp;Preguntas
(una por línea):</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>&amp;Start visit</source>
        <translation>&amp;Empezar visita</translation>
    </message>
    <message>
        <source>C&amp;lassroom:</source>
        <translation>C&amp;lase:</translation>
    </message>
    <message>
        <source>Visit t&amp;ype:</source>
        <translation>&amp;Tipo de visita:</translation>
    </message>
    <message>
        <source>&amp;Walk:</source>
        <translation>&amp;Recorrido:</translation>
    </message>
    <message>
        <source>No walk</source>
        <translation>Sin recorrido</translation>
    </message>
    <message>
        <source>New learning walk…</source>
        <translation>Nuevo recorrido de aprendizaje…</translation>
    </message>
    <message>
        <source>{label} — visited</source>
        <translation>{label} — visitada</translation>
    </message>
    <message>
        <source>No classroom matches. Try part of the teacher&apos;s name.</source>
        <translation>Ninguna clase coincide. Pruebe con parte del nombre del docente.</translation>
    </message>
    <message>
        <source>Not part of a cycle</source>
        <translation>Fuera de un ciclo</translation>
    </message>
    <message>
        <source>Choose a classroom first.</source>
        <translation>Primero elija una clase.</translation>
    </message>
</context>
<context>
    <name>Recover</name>
    <message>
        <source>Recover records into a new profile folder</source>
        <extracomment>Shows a built box and returns the button pressed; tests pass one that answers for the coach. Asks where the recovered profile goes; None when the coach cancels.</extracomment>
        <translation>Recuperar registros en una carpeta de perfil nueva</translation>
    </message>
    <message>
        <source>&amp;Recover records…</source>
        <translation>&amp;Recuperar registros…</translation>
    </message>
    <message>
        <source>Observe now opens the recovered profile.</source>
        <translation>Observe abre ahora el perfil recuperado.</translation>
    </message>
</context>
<context>
    <name>RedactionCanvas</name>
    <message>
        <source>Image to redact</source>
        <extracomment>A drag shorter than this (in screen pixels) is a click, not a box.</extracomment>
        <translation>Imagen para tapar</translation>
    </message>
    <message>
        <source>Drag to draw a black box. Insert adds a box, arrow keys move the selected box, Shift+arrow keys resize it, Space selects the next box, Delete removes it.</source>
        <translation>Arrastre para dibujar un recuadro negro. Insert añade un recuadro, las flechas mueven el recuadro seleccionado, Mayús+flechas cambian su tamaño, Espacio selecciona el siguiente recuadro y Supr lo quita.</translation>
    </message>
</context>
<context>
    <name>RedactionDialog</name>
    <message>
        <source>Attach image of student work</source>
        <translation>Adjuntar imagen del trabajo de los estudiantes</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Leyenda</translation>
    </message>
    <message>
        <source>What the image shows, e.g. Exit ticket, table 3 (no student names)</source>
        <translation>Qué muestra la imagen, p. ej., Ticket de salida, mesa 3 (sin nombres de estudiantes)</translation>
    </message>
    <message>
        <source>Ca&amp;ption:</source>
        <translation>&amp;Leyenda:</translation>
    </message>
    <message>
        <source>none found</source>
        <translation>no se encontraron</translation>
    </message>
    <message>
        <source>%1 × %2 pixels from %3. Metadata removed: %4.</source>
        <translation>%1 × %2 píxeles de %3. Metadatos eliminados: %4.</translation>
    </message>
    <message>
        <source>Drag on the image to black out names or faces. Keys on the image: Insert adds a box, arrows move it, Shift+arrows resize it, Space selects the next, Delete removes it.</source>
        <translation>Arrastre sobre la imagen para tapar nombres o caras. Teclas sobre la imagen: Insert añade un recuadro, las flechas lo mueven, Mayús+flechas cambian su tamaño, Espacio selecciona el siguiente y Supr lo quita.</translation>
    </message>
    <message>
        <source>&amp;Add box</source>
        <translation>&amp;Añadir recuadro</translation>
    </message>
    <message>
        <source>&amp;Remove box</source>
        <translation>&amp;Quitar recuadro</translation>
    </message>
    <message>
        <source>Find &amp;faces</source>
        <translation>Buscar &amp;caras</translation>
    </message>
    <message>
        <source>Propose a black box over each face in the image (found on this computer)</source>
        <translation>Proponer un recuadro negro sobre cada cara de la imagen (se buscan en este equipo)</translation>
    </message>
    <message>
        <source>Faces found</source>
        <translation>Caras encontradas</translation>
    </message>
    <message>
        <source>A&amp;ttach</source>
        <translation>Ad&amp;juntar</translation>
    </message>
    <message>
        <source>Looking for faces…</source>
        <translation>Buscando caras…</translation>
    </message>
    <message>
        <source>No faces found. If the image shows anyone, draw the boxes by hand.</source>
        <translation>No se encontró ninguna cara. Si en la imagen aparece alguien, dibuje los recuadros a mano.</translation>
    </message>
    <message numerus="yes">
        <source>Found %n face(s), each now blacked out. Check them: Space selects the next box, Delete removes one that is not a face.</source>
        <translation>
            <numerusform>Se encontró %n cara, ya tapada en negro. Revísela: Espacio selecciona el recuadro siguiente y Supr quita uno que no sea una cara.</numerusform>
            <numerusform>Se encontraron %n caras, ya tapadas en negro. Revíselas: Espacio selecciona el recuadro siguiente y Supr quita uno que no sea una cara.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing blacked out.</source>
        <translation>No se tapó nada.</translation>
    </message>
    <message>
        <source>1 area will be black in the stored image.</source>
        <translation>1 zona quedará en negro en la imagen guardada.</translation>
    </message>
    <message>
        <source>%1 areas will be black in the stored image.</source>
        <translation>%1 zonas quedarán en negro en la imagen guardada.</translation>
    </message>
</context>
<context>
    <name>ReflectionsPanel</name>
    <message>
        <source>Teacher&apos;s reflection</source>
        <translation>Reflexión del docente</translation>
    </message>
    <message>
        <source>Written by the teacher; read only</source>
        <translation>Escrita por el docente; solo lectura</translation>
    </message>
    <message>
        <source>{who} wrote:</source>
        <translation>{who} escribió:</translation>
    </message>
    <message>
        <source>{who}, on the visit of {when}, wrote:</source>
        <translation>{who}, sobre la visita del {when}, escribió:</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>Open a visit first (double-click it in the Visits list); feedback is written for one visit.</source>
        <translation>Primero abra una visita (haga doble clic en ella en la lista de visitas); la retroalimentación se escribe para una visita.</translation>
    </message>
    <message>
        <source>Coaching cycle summary — %1</source>
        <extracomment>Chooses the export folder; tests pass one that answers without a dialog. Asks what to do when some visits of a walk have no saved feedback; tests may answer.</extracomment>
        <translation>Resumen del ciclo de coaching — %1</translation>
    </message>
    <message>
        <source> (the active cycle: none was chosen)</source>
        <translation> (el ciclo activo: no se eligió ninguno)</translation>
    </message>
    <message>
        <source>Coaching cycle summary</source>
        <translation>Resumen del ciclo de coaching</translation>
    </message>
    <message>
        <source>Compose &amp;feedback…</source>
        <translation>Redactar &amp;retroalimentación…</translation>
    </message>
    <message>
        <source>Write strengths and a wondering for the open visit</source>
        <translation>Escribir fortalezas y una pregunta para la visita abierta</translation>
    </message>
    <message>
        <source>Feedback &amp;sheet for this visit…</source>
        <translation>&amp;Hoja de retroalimentación de esta visita…</translation>
    </message>
    <message>
        <source>Preview, print or save the open visit&apos;s feedback sheet</source>
        <translation>Ver, imprimir o guardar la hoja de retroalimentación de la visita abierta</translation>
    </message>
    <message>
        <source>&amp;Walk debrief…</source>
        <translation>Informe del rec&amp;orrido…</translation>
    </message>
    <message>
        <source>Patterns across the classrooms of a learning walk (no names)</source>
        <translation>Patrones en las clases de un recorrido de aprendizaje (sin nombres)</translation>
    </message>
    <message>
        <source>&amp;Cycle summary…</source>
        <translation>Resumen del &amp;ciclo…</translation>
    </message>
    <message>
        <source>Goal, steps and trend of a coaching cycle</source>
        <translation>Meta, pasos y tendencia de un ciclo de coaching</translation>
    </message>
    <message>
        <source>&amp;Export sheets for this walk…</source>
        <translation>&amp;Exportar hojas de este recorrido…</translation>
    </message>
    <message>
        <source>Save a feedback sheet for every visit on the walk to a folder</source>
        <translation>Guardar en una carpeta una hoja de retroalimentación por cada visita del recorrido</translation>
    </message>
    <message>
        <source>Feedback sheet</source>
        <translation>Hoja de retroalimentación</translation>
    </message>
    <message>
        <source>Learning walk debrief — %1, %2</source>
        <translation>Informe del recorrido de aprendizaje — %1, %2</translation>
    </message>
    <message>
        <source> (the latest walk: none was chosen)</source>
        <translation> (el último recorrido: no se eligió ninguno)</translation>
    </message>
    <message>
        <source>Learning walk debrief</source>
        <translation>Informe del recorrido de aprendizaje</translation>
    </message>
    <message>
        <source>Making feedback sheets…</source>
        <translation>Generando hojas de retroalimentación…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Export sheets for this walk</source>
        <translation>Exportar hojas de este recorrido</translation>
    </message>
    <message>
        <source>Exporting feedback sheets</source>
        <translation>Exportando hojas de retroalimentación</translation>
    </message>
    <message>
        <source>Exporting the sheets was cancelled; no sheets were left behind.</source>
        <translation>Se canceló la exportación de las hojas; no quedó ninguna hoja a medias.</translation>
    </message>
    <message>
        <source>&amp;Export the sheet (marked DRAFT)</source>
        <translation>&amp;Exportar la hoja (marcada como BORRADOR)</translation>
    </message>
    <message>
        <source>Export &amp;all %1 sheets</source>
        <translation>Exportar &amp;todas las %1 hojas</translation>
    </message>
    <message>
        <source>Export &amp;only the reviewed one</source>
        <translation>Exportar &amp;solo la revisada</translation>
    </message>
    <message>
        <source>Export &amp;only the %1 reviewed</source>
        <translation>Exportar &amp;solo las %1 revisadas</translation>
    </message>
    <message>
        <source>Export all of them, or only the ones whose feedback you have saved?</source>
        <translation>¿Exportar todas o solo aquellas cuya retroalimentación ya guardó?</translation>
    </message>
    <message>
        <source>Save feedback for a visit (Reports → Compose feedback) to review it.</source>
        <translation>Guarde la retroalimentación de una visita (Informes → Redactar retroalimentación) para revisarla.</translation>
    </message>
    <message>
        <source>Made {done} of {total} feedback sheets…</source>
        <translation>Generadas {done} de {total} hojas de retroalimentación…</translation>
    </message>
    <message>
        <source>Saved 1 feedback sheet to %1.</source>
        <translation>Se guardó 1 hoja de retroalimentación en %1.</translation>
    </message>
    <message>
        <source>Saved %2 feedback sheets to %1.</source>
        <translation>Se guardaron %2 hojas de retroalimentación en %1.</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <source>Already in profile</source>
        <translation>Ya está en el perfil</translation>
    </message>
    <message>
        <source>New (new teacher)</source>
        <translation>Nueva (docente nuevo)</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nueva</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Docente</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Materia</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Grado</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Aula</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Import roster</source>
        <extracomment>Emitted with the :class:`RosterResult` once the import committed.</extracomment>
        <translation>Importar lista de clases</translation>
    </message>
    <message>
        <source>A roster is a CSV file with the columns teacher, subject, grade, period and room (teacher and subject are required). Nothing is imported until you choose Import.</source>
        <translation>Una lista de clases es un archivo CSV con las columnas teacher, subject, grade, period y room (teacher y subject son obligatorias). No se importa nada hasta que elija Importar.</translation>
    </message>
    <message>
        <source>No file chosen yet.</source>
        <translation>Todavía no se eligió ningún archivo.</translation>
    </message>
    <message>
        <source>Roster file</source>
        <translation>Archivo de la lista de clases</translation>
    </message>
    <message>
        <source>Choose &amp;file…</source>
        <translation>Elegir &amp;archivo…</translation>
    </message>
    <message>
        <source>Choose roster file</source>
        <translation>Elegir archivo de la lista de clases</translation>
    </message>
    <message>
        <source>School for new teachers</source>
        <translation>Escuela para los docentes nuevos</translation>
    </message>
    <message>
        <source>New teachers join &amp;school:</source>
        <translation>Los docentes nuevos se unen a la &amp;escuela:</translation>
    </message>
    <message>
        <source>Choose a roster file to see what it would import.</source>
        <translation>Elija un archivo de lista de clases para ver qué importaría.</translation>
    </message>
    <message>
        <source>Import summary</source>
        <translation>Resumen de la importación</translation>
    </message>
    <message>
        <source>Roster preview</source>
        <translation>Vista previa de la lista de clases</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>Choose a roster CSV</source>
        <translation>Elija una lista de clases en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Archivos CSV (*.csv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Leyendo {name}…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
</context>
<context>
    <name>SchoolDialog</name>
    <message>
        <source>Edit school</source>
        <translation>Editar escuela</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>S&amp;chool:</source>
        <translation>&amp;Escuela:</translation>
    </message>
    <message>
        <source>Which school</source>
        <translation>Qué escuela</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>School name</source>
        <translation>Nombre de la escuela</translation>
    </message>
    <message>
        <source>e.g. Riverside Middle School</source>
        <translation>p. ej., Escuela Secundaria Riverside</translation>
    </message>
    <message>
        <source>this computer&apos;s</source>
        <translation>el de este equipo</translation>
    </message>
    <message>
        <source>This computer&apos;s time zone ({here})</source>
        <translation>Zona horaria de este equipo ({here})</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Zona horaria:</translation>
    </message>
    <message>
        <source>School time zone</source>
        <translation>Zona horaria de la escuela</translation>
    </message>
    <message>
        <source>Reports show visit days and times in this zone. Leave it empty to use this computer&apos;s zone.</source>
        <translation>Los informes muestran los días y las horas de las visitas en esta zona. Déjelo vacío para usar la zona de este equipo.</translation>
    </message>
</context>
<context>
    <name>ScoreSamplesDialog</name>
    <message>
        <source>Score work samples</source>
        <translation>Valorar muestras de trabajo</translation>
    </message>
    <message>
        <source>Score each photo of student work against the cycle&apos;s success criteria. The measure is the share of scored samples that meet them, before → after.</source>
        <translation>Valore cada foto de trabajo de los estudiantes según los criterios de éxito del ciclo. La medida es la proporción de muestras valoradas que los cumplen, antes → después.</translation>
    </message>
    <message>
        <source>Work samples</source>
        <translation>Muestras de trabajo</translation>
    </message>
    <message>
        <source>Level of the success criteria</source>
        <translation>Nivel de los criterios de éxito</translation>
    </message>
    <message>
        <source>Before the cycle</source>
        <translation>Antes del ciclo</translation>
    </message>
    <message>
        <source>After the cycle</source>
        <translation>Después del ciclo</translation>
    </message>
    <message>
        <source>Before or after the cycle</source>
        <translation>Antes o después del ciclo</translation>
    </message>
    <message>
        <source>Note on the score</source>
        <translation>Nota sobre la valoración</translation>
    </message>
    <message>
        <source>What in the work shows it (optional)</source>
        <translation>Qué lo muestra en el trabajo (opcional)</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>&amp;Nivel:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Cuándo:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>N&amp;ota:</translation>
    </message>
    <message>
        <source>&amp;Save score</source>
        <translation>&amp;Guardar valoración</translation>
    </message>
    <message>
        <source>Clea&amp;r score</source>
        <translation>&amp;Quitar valoración</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Share of samples meeting the criteria</source>
        <translation>Proporción de muestras que cumplen los criterios</translation>
    </message>
    <message>
        <source>This cycle has no work samples yet. Attach a photo of student work to one of its visits (Capture › Attach image…), then score it here.</source>
        <translation>Este ciclo aún no tiene muestras de trabajo. Adjunte una foto del trabajo de los estudiantes a una de sus visitas (Captura › Adjuntar imagen…) y valórela aquí.</translation>
    </message>
    <message>
        <source>The sample&apos;s score was taken away; it no longer counts.</source>
        <translation>Se quitó la valoración de la muestra; ya no cuenta.</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>{limit}+ results (the newest {limit} are shown; add words or filters to narrow)</source>
        <extracomment>Record kinds whose changes alter the filter choices or the results. The highlighted item&apos;s rectangle in global coordinates, or None when none is shown.</extracomment>
        <translation>{limit}+ resultados (se muestran los {limit} más recientes; añada palabras o filtros para acotar)</translation>
    </message>
    <message>
        <source>No evidence matches.</source>
        <translation>Ninguna evidencia coincide.</translation>
    </message>
    <message>
        <source>1 result</source>
        <translation>1 resultado</translation>
    </message>
    <message>
        <source>{count} results</source>
        <translation>{count} resultados</translation>
    </message>
    <message>
        <source>Find evidence</source>
        <extracomment>Results for the current request are on screen (tests wait on it).</extracomment>
        <translation>Buscar evidencias</translation>
    </message>
    <message>
        <source>Words to find in all evidence</source>
        <translation>Palabras que buscar en todas las evidencias</translation>
    </message>
    <message>
        <source>Search words</source>
        <translation>Palabras de búsqueda</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>Any teacher</source>
        <translation>Cualquier docente</translation>
    </message>
    <message>
        <source>Teacher filter</source>
        <translation>Filtro de docente</translation>
    </message>
    <message>
        <source>Any look-for</source>
        <translation>Cualquier indicador</translation>
    </message>
    <message>
        <source>Look-for filter</source>
        <translation>Filtro de indicador</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>Cualquier tipo</translation>
    </message>
    <message>
        <source>Kind filter</source>
        <translation>Filtro de tipo</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>D&amp;esde:</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Fecha inicial</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Fecha final</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>Borrar &amp;filtros</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Borrar filtros</translation>
    </message>
    <message>
        <source>&amp;Teacher:</source>
        <translation>&amp;Docente:</translation>
    </message>
    <message>
        <source>Loo&amp;k-for:</source>
        <translation>&amp;Indicador:</translation>
    </message>
    <message>
        <source>K&amp;ind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>Type words to search all evidence, or choose a filter.</source>
        <translation>Escriba palabras para buscar en todas las evidencias o elija un filtro.</translation>
    </message>
    <message>
        <source>Result count</source>
        <translation>Número de resultados</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>Press Enter to open the visit at that item</source>
        <translation>Pulse Intro para abrir la visita en ese elemento</translation>
    </message>
    <message>
        <source>Enter or double-click opens the visit at that item.</source>
        <translation>Intro o doble clic abre la visita en ese elemento.</translation>
    </message>
    <message>
        <source>Limit by {lower}</source>
        <translation>Limitar por {lower}</translation>
    </message>
    <message>
        <source>The From date is after the To date, so nothing can match; change one of them.</source>
        <translation>La fecha inicial es posterior a la final, así que nada puede coincidir; cambie una de las dos.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
</context>
<context>
    <name>SearchLauncher</name>
    <message>
        <source>&amp;Find evidence…</source>
        <translation>&amp;Buscar evidencias…</translation>
    </message>
    <message>
        <source>Search all evidence, with filters</source>
        <translation>Buscar en todas las evidencias, con filtros</translation>
    </message>
</context>
<context>
    <name>SeatButton</name>
    <message>
        <source>Press Space or click to tally “{kind}”.</source>
        <translation>Pulse Espacio o haga clic para registrar «{kind}».</translation>
    </message>
    <message>
        <source>{spoken_text}
Click or press Space to tally “{kind}”.</source>
        <translation>{spoken_text}
Haga clic o pulse Espacio para registrar «{kind}».</translation>
    </message>
</context>
<context>
    <name>SeatGrid</name>
    <message>
        <source>no contributions</source>
        <extracomment>The smallest seat a finger or an unsteady hand hits reliably (WCAG 2.5.5), in pixels at 100 % scaling; Qt scales it with the display like every other logical size.</extracomment>
        <translation>sin intervenciones</translation>
    </message>
    <message>
        <source>1 contribution</source>
        <translation>1 intervención</translation>
    </message>
    <message>
        <source>{count} contributions</source>
        <translation>{count} intervenciones</translation>
    </message>
    <message>
        <source>Seat {label}</source>
        <extracomment>(sizeHint, minimumSizeHint): the layout asks several times per chart, and each answer measures text in two derived fonts; kept until the font or style changes.</extracomment>
        <translation>Asiento {label}</translation>
    </message>
    <message>
        <source>Front of room</source>
        <extracomment>The id of the participation event just written. The tiles were rebuilt. New widgets join the end of the window&apos;s focus chain, so the owner puts them back where the grid sits in its tab order.</extracomment>
        <translation>Frente del aula</translation>
    </message>
    <message>
        <source>Front of room (top of the chart)</source>
        <translation>Frente del aula (parte superior del plano)</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Asientos</translation>
    </message>
    <message>
        <source>Seating chart</source>
        <translation>Plano de asientos</translation>
    </message>
</context>
<context>
    <name>SeatingEditorDialog</name>
    <message>
        <source>Draw the room with the front at the top. Space turns a cell into a seat or a gap; type or press F2 to rename a seat. Labels are yours to choose: no student names.</source>
        <translation>Dibuje el aula con el frente arriba. Espacio convierte una celda en asiento o en hueco; escriba o pulse F2 para renombrar un asiento. Las etiquetas las elige usted: sin nombres de estudiantes.</translation>
    </message>
    <message>
        <source>no seat</source>
        <translation>sin asiento</translation>
    </message>
    <message>
        <source>Seating chart — {title}</source>
        <translation>Plano de asientos — {title}</translation>
    </message>
    <message>
        <source>Seating chart</source>
        <translation>Plano de asientos</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Filas</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
    <message>
        <source>R&amp;ows:</source>
        <translation>&amp;Filas:</translation>
    </message>
    <message>
        <source>Col&amp;umns:</source>
        <translation>Col&amp;umnas:</translation>
    </message>
    <message>
        <source>Front of room</source>
        <translation>Frente del aula</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save the chart (Ctrl+S)</source>
        <translation>Guardar el plano (Ctrl+S)</translation>
    </message>
    <message>
        <source>Selected cells</source>
        <translation>Celdas seleccionadas</translation>
    </message>
    <message>
        <source>Seat &amp;here</source>
        <translation>&amp;Asiento aquí</translation>
    </message>
    <message>
        <source>Make the selected cells seats or gaps (Space in the chart)</source>
        <translation>Convertir las celdas seleccionadas en asientos o huecos (Espacio en el plano)</translation>
    </message>
    <message>
        <source>Seat label</source>
        <translation>Etiqueta del asiento</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>A group you choose (a table, a language group…); optional</source>
        <translation>Un grupo que usted elige (una mesa, un grupo lingüístico…); opcional</translation>
    </message>
    <message>
        <source>no group</source>
        <translation>sin grupo</translation>
    </message>
    <message>
        <source>A&amp;pply group</source>
        <translation>A&amp;plicar grupo</translation>
    </message>
    <message>
        <source>Give the selected seats this group (Enter)</source>
        <translation>Asignar este grupo a los asientos seleccionados (Intro)</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Etiqueta:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>Grup&amp;o:</translation>
    </message>
    <message>
        <source>Whole chart</source>
        <translation>Todo el plano</translation>
    </message>
    <message>
        <source>Fill &amp;all</source>
        <translation>Llenar &amp;todo</translation>
    </message>
    <message>
        <source>Make every cell a seat</source>
        <translation>Convertir cada celda en un asiento</translation>
    </message>
    <message>
        <source>Clea&amp;r all</source>
        <translation>&amp;Vaciar todo</translation>
    </message>
    <message>
        <source>Make every cell a gap, to start over</source>
        <translation>Convertir cada celda en un hueco, para empezar de nuevo</translation>
    </message>
    <message>
        <source>Rows per table</source>
        <translation>Filas por mesa</translation>
    </message>
    <message>
        <source>Seats across per table</source>
        <translation>Asientos a lo ancho por mesa</translation>
    </message>
    <message>
        <source>Group by &amp;tables</source>
        <translation>Agrupar por &amp;mesas</translation>
    </message>
    <message>
        <source>Name blocks of seats Table 1, Table 2, … (rows × seats across each table)</source>
        <translation>Nombrar los bloques de asientos Mesa 1, Mesa 2, … (filas × asientos a lo ancho de cada mesa)</translation>
    </message>
    <message>
        <source>Table si&amp;ze:</source>
        <translation>Tamaño de me&amp;sa:</translation>
    </message>
    <message>
        <source>Rows × seats across for each table</source>
        <translation>Filas × asientos a lo ancho de cada mesa</translation>
    </message>
    <message>
        <source> seats</source>
        <translation> asientos</translation>
    </message>
    <message>
        <source>Seats for a quick chart</source>
        <translation>Asientos para un plano rápido</translation>
    </message>
    <message>
        <source>Ma&amp;ke</source>
        <translation>&amp;Crear</translation>
    </message>
    <message>
        <source>Replace the chart with this many seats in rows, labelled A1, A2, …</source>
        <translation>Sustituir el plano por esta cantidad de asientos en filas, etiquetados A1, A2, …</translation>
    </message>
    <message>
        <source>&amp;Quick chart:</source>
        <translation>Plano &amp;rápido:</translation>
    </message>
    <message>
        <source>Class to copy the chart from</source>
        <translation>Clase de la que copiar el plano</translation>
    </message>
    <message>
        <source>{name} ({n} seats)</source>
        <translation>{name} ({n} asientos)</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>Cop&amp;iar</translation>
    </message>
    <message>
        <source>Replace the chart with that class&apos;s seats, labels and groups</source>
        <translation>Sustituir el plano por los asientos, etiquetas y grupos de esa clase</translation>
    </message>
    <message>
        <source>No other class has a chart yet</source>
        <translation>Ninguna otra clase tiene plano todavía</translation>
    </message>
    <message>
        <source>Copy fro&amp;m:</source>
        <translation>Copiar &amp;de:</translation>
    </message>
    <message>
        <source>several groups</source>
        <translation>varios grupos</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <extracomment>The settings as saved (a :class:`observe.settings.Settings`). Whether the coach chose another language (it applies at the next start).</extracomment>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>As it should read on feedback sheets</source>
        <translation>Como debe aparecer en las hojas de retroalimentación</translation>
    </message>
    <message>
        <source>e.g. Riverside Middle School</source>
        <translation>p. ej., Escuela Secundaria Riverside</translation>
    </message>
    <message>
        <source>From this computer&apos;s region ({paper})</source>
        <translation>Según la región de este equipo ({paper})</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Language &amp;hints while typing evidence</source>
        <translation>&amp;Sugerencias de lenguaje al escribir evidencias</translation>
    </message>
    <message>
        <source>Suggests low-inference wording when a line sounds like a judgement</source>
        <translation>Sugiere una redacción de baja inferencia cuando una línea suena a juicio</translation>
    </message>
    <message>
        <source>https://observe.school.org (empty: this computer only)</source>
        <translation>https://observe.escuela.org (vacío: solo este equipo)</translation>
    </message>
    <message>
        <source>Your zoom for the capture line and the timeline; the rest follows the system</source>
        <translation>Su zoom para la línea de captura y la cronología; el resto sigue al sistema</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Same as this computer</source>
        <translation>Igual que este equipo</translation>
    </message>
    <message>
        <source>Takes effect the next time Observe starts</source>
        <translation>Se aplica la próxima vez que se inicie Observe</translation>
    </message>
    <message>
        <source>Your &amp;name on sheets:</source>
        <translation>Su &amp;nombre en las hojas:</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <source>Sch&amp;ool:</source>
        <translation>&amp;Escuela:</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Escuela</translation>
    </message>
    <message>
        <source>&amp;Paper size:</source>
        <translation>Tamaño del &amp;papel:</translation>
    </message>
    <message>
        <source>Default paper size</source>
        <translation>Tamaño de papel predeterminado</translation>
    </message>
    <message>
        <source>Language hints</source>
        <translation>Sugerencias de lenguaje</translation>
    </message>
    <message>
        <source>Default &amp;visit type:</source>
        <translation>Tipo de &amp;visita predeterminado:</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>Sync se&amp;rver:</source>
        <translation>Se&amp;rvidor de sincronización:</translation>
    </message>
    <message>
        <source>Sync server</source>
        <translation>Servidor de sincronización</translation>
    </message>
    <message>
        <source>&amp;Text size while capturing:</source>
        <translation>Tamaño del &amp;texto al capturar:</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <source>&amp;Appearance:</source>
        <translation>&amp;Apariencia:</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Problem with {field}</source>
        <translation>Problema con {field}</translation>
    </message>
    <message>
        <source>Kept in this profile on this computer; not synced to your other devices yet. Changing the server takes you to sign in to it.</source>
        <translation>Se guarda en este perfil en este equipo; todavía no se sincroniza con sus otros dispositivos. Si cambia el servidor, tendrá que iniciar sesión en él.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save the settings (Ctrl+S or Enter)</source>
        <translation>Guardar la configuración (Ctrl+S o Intro)</translation>
    </message>
    <message>
        <source>Settings saved. Observe speaks the new language the next time it starts.</source>
        <translation>Configuración guardada. Observe usará el nuevo idioma la próxima vez que se inicie.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Configuración guardada.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to a sync server</source>
        <translation>Iniciar sesión en un servidor de sincronización</translation>
    </message>
    <message>
        <source>https://observe.school.org</source>
        <translation>https://observe.escuela.org</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <source>you@school.org</source>
        <translation>nombre@escuela.org</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Problema al iniciar sesión</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Correo:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Con&amp;traseña:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Your records stay on this computer and are copied to your school&apos;s server. Only you (and your team, for what you share) can read them.</source>
        <translation>Sus registros se quedan en este equipo y se copian en el servidor de su escuela. Solo usted (y su equipo, en lo que comparta) puede leerlos.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <source>Signing in failed because of a problem Observe didn&apos;t expect; the details are in the log file.</source>
        <translation>No se pudo iniciar sesión por un problema que Observe no esperaba; los detalles están en el archivo de registro.</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <source>Schools</source>
        <translation>Escuelas</translation>
    </message>
    <message>
        <source>Teachers</source>
        <translation>Docentes</translation>
    </message>
    <message>
        <source>Classrooms</source>
        <translation>Aulas</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Asientos</translation>
    </message>
    <message>
        <source>Look-for sets</source>
        <translation>Conjuntos de indicadores</translation>
    </message>
    <message>
        <source>Look-fors</source>
        <translation>Indicadores</translation>
    </message>
    <message>
        <source>Learning walks</source>
        <translation>Recorridos de aprendizaje</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visitas</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencias</translation>
    </message>
    <message>
        <source>Participation events</source>
        <translation>Eventos de participación</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Retroalimentación</translation>
    </message>
    <message>
        <source>Teachers&apos; reflections</source>
        <translation>Reflexiones de los docentes</translation>
    </message>
    <message>
        <source>Coaching cycles</source>
        <translation>Ciclos de coaching</translation>
    </message>
    <message>
        <source>Cycle steps</source>
        <translation>Pasos de los ciclos</translation>
    </message>
    <message>
        <source>Student surveys</source>
        <translation>Encuestas a estudiantes</translation>
    </message>
    <message>
        <source>Assessment results</source>
        <translation>Resultados de evaluaciones</translation>
    </message>
    <message>
        <source>Work sample scores</source>
        <translation>Valoraciones de muestras de trabajo</translation>
    </message>
    <message>
        <source>Coaching log entries</source>
        <translation>Registros de tiempo de coaching</translation>
    </message>
    <message>
        <source>Changes waiting to sync</source>
        <translation>Cambios pendientes de sincronizar</translation>
    </message>
    <message>
        <source>Schools and classrooms</source>
        <translation>Escuelas y aulas</translation>
    </message>
    <message>
        <source>Observations</source>
        <translation>Observaciones</translation>
    </message>
    <message>
        <source>Coaching</source>
        <translation>Coaching</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
    <message>
        <source>Profile summary</source>
        <translation>Resumen del perfil</translation>
    </message>
    <message>
        <source>Welcome to Observe</source>
        <translation>Bienvenida a Observe</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenida</translation>
    </message>
    <message>
        <source>Profile folder</source>
        <translation>Carpeta del perfil</translation>
    </message>
    <message>
        <source>Profile folder:</source>
        <translation>Carpeta del perfil:</translation>
    </message>
    <message>
        <source>Counting records…</source>
        <translation>Contando registros…</translation>
    </message>
    <message>
        <source>Summary status</source>
        <translation>Estado del resumen</translation>
    </message>
    <message>
        <source>This profile is empty</source>
        <translation>Este perfil está vacío</translation>
    </message>
    <message>
        <source>Load demo data to explore Observe with made-up schools, teachers, visits and feedback. It goes into this profile only, so use a separate profile folder if you also keep real notes.</source>
        <translation>Cargue datos de demostración para explorar Observe con escuelas, docentes, visitas y retroalimentación inventados. Se guardan solo en este perfil; use otra carpeta de perfil si también lleva notas reales.</translation>
    </message>
    <message>
        <source>&amp;Load demo data</source>
        <translation>&amp;Cargar datos de demostración</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>Cargar datos de demostración</translation>
    </message>
    <message>
        <source>{records:,} records in this profile.</source>
        <translation>{records:,} registros en este perfil.</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <source>{group}: {talk} of contributions ({contributions}), {share} of the class ({voices} of {seats} seats spoke)</source>
        <translation>{group}: {talk} de las intervenciones ({contributions}), {share} de la clase (hablaron {voices} de {seats} asientos)</translation>
    </message>
    <message>
        <source>Participation summary</source>
        <translation>Resumen de participación</translation>
    </message>
    <message>
        <source>Participation figures</source>
        <translation>Datos de participación</translation>
    </message>
    <message>
        <source>Contributions by kind</source>
        <translation>Intervenciones por tipo</translation>
    </message>
    <message>
        <source>Share by group</source>
        <translation>Proporción por grupo</translation>
    </message>
    <message>
        <source>share of contributions</source>
        <translation>proporción de intervenciones</translation>
    </message>
    <message>
        <source>share of class</source>
        <translation>proporción de la clase</translation>
    </message>
    <message>
        <source>{contributions} · distinct voices {distinct_voices} / {occupied_seats}</source>
        <translation>{contributions} · voces distintas {distinct_voices} / {occupied_seats}</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Delete them here too?</source>
        <extracomment>Asks the coach a yes/no question (the mass-delete guard); tests answer without a dialog. The coach stopped a running sync. Where the time estimate of a long sync reads the time (tests pass their own).</extracomment>
        <translation>¿Eliminarlos aquí también?</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>less than a minute left</source>
        <translation>queda menos de un minuto</translation>
    </message>
    <message>
        <source>about {n} min left</source>
        <translation>quedan unos {n} min</translation>
    </message>
    <message>
        <source>about 1 minute left</source>
        <translation>queda alrededor de 1 minuto</translation>
    </message>
    <message>
        <source>about {n} minutes left</source>
        <translation>quedan unos {n} minutos</translation>
    </message>
    <message>
        <source>about {n} hours left</source>
        <translation>quedan unas {n} horas</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Syncing… {percent}% ({done} of {total} records)</source>
        <translation>Sincronizando… {percent}% ({done} de {total} registros)</translation>
    </message>
    <message>
        <source>On this computer only</source>
        <translation>Solo en este equipo</translation>
    </message>
    <message>
        <source>Sign in needed</source>
        <translation>Hay que iniciar sesión</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Synced at {time}</source>
        <translation>Sincronizado a las {time}</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Sin sincronizar todavía</translation>
    </message>
    <message>
        <source>{count} waiting</source>
        <translation>{count} pendientes</translation>
    </message>
    <message>
        <source>1 conflict</source>
        <translation>1 conflicto</translation>
    </message>
    <message>
        <source>{count} conflicts</source>
        <translation>{count} conflictos</translation>
    </message>
    <message>
        <source>Not signed in to a sync server. Choose Sync → Sign in… to sync.</source>
        <translation>No ha iniciado sesión en un servidor de sincronización. Elija Sincronización → Iniciar sesión… para sincronizar.</translation>
    </message>
    <message>
        <source>Sending and receiving changes: {done} of {total} records{estimate}. You can keep working meanwhile. Sync → Stop syncing stops it; what is done so far is kept.</source>
        <translation>Enviando y recibiendo cambios: {done} de {total} registros{estimate}. Puede seguir trabajando mientras tanto. Sincronización → Detener la sincronización la detiene; lo hecho hasta ahora se conserva.</translation>
    </message>
    <message>
        <source>Signed in to {server} as {email}.</source>
        <translation>Sesión iniciada en {server} como {email}.</translation>
    </message>
    <message>
        <source>Observe will try again in {seconds} s.</source>
        <translation>Observe volverá a intentarlo dentro de {seconds} s.</translation>
    </message>
    <message>
        <source>Some changes need you: Sync → Conflicts…</source>
        <translation>Algunos cambios requieren su atención: Sincronización → Conflictos…</translation>
    </message>
</context>
<context>
    <name>SyncStatusLabel</name>
    <message>
        <source>Sync status</source>
        <translation>Estado de la sincronización</translation>
    </message>
</context>
<context>
    <name>SyncUi</name>
    <message>
        <source>S&amp;ync</source>
        <translation>Si&amp;ncronización</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>&amp;Iniciar sesión…</translation>
    </message>
    <message>
        <source>Sign this profile in to your school&apos;s sync server</source>
        <translation>Iniciar sesión con este perfil en el servidor de sincronización de su escuela</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Sincronizar &amp;ahora</translation>
    </message>
    <message>
        <source>Send and receive changes now</source>
        <translation>Enviar y recibir cambios ahora</translation>
    </message>
    <message>
        <source>S&amp;top syncing</source>
        <translation>De&amp;tener la sincronización</translation>
    </message>
    <message>
        <source>Stop the running sync; what it finished is kept</source>
        <translation>Detener la sincronización en curso; lo que ya terminó se conserva</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>&amp;Conflictos…</translation>
    </message>
    <message>
        <source>Changes the server did not take as they were</source>
        <translation>Cambios que el servidor no aceptó tal como estaban</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Cerrar &amp;sesión</translation>
    </message>
    <message>
        <source>Forget this device&apos;s sign-in; your records stay here</source>
        <translation>Olvidar el inicio de sesión de este dispositivo; sus registros se quedan aquí</translation>
    </message>
    <message>
        <source>Sync stopped. Changes not yet sent stay on this computer; the next sync goes on from here.</source>
        <translation>Sincronización detenida. Los cambios que aún no se enviaron se quedan en este equipo; la próxima sincronización sigue desde aquí.</translation>
    </message>
    <message>
        <source>Signed in to {server}; syncing…</source>
        <translation>Sesión iniciada en {server}; sincronizando…</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>el servidor</translation>
    </message>
</context>
<context>
    <name>TablePane</name>
    <message>
        <source>{title}: about these figures</source>
        <extracomment>Columns kept for the CSV but not shown: codes a coach reads as words in the next column.</extracomment>
        <translation>{title}: sobre estos datos</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Export {title} as CSV</source>
        <translation>Exportar {title} como CSV</translation>
    </message>
    <message>
        <source>Save this table as a CSV file for a spreadsheet</source>
        <translation>Guardar esta tabla como archivo CSV para una hoja de cálculo</translation>
    </message>
</context>
<context>
    <name>TallyPanel</name>
    <message>
        <source>Open a visit to tally who talks.</source>
        <extracomment>Record kinds whose changes can alter what this panel shows. (classroom id, rows, cols, live seats) as last read.</extracomment>
        <translation>Abra una visita para registrar quién habla.</translation>
    </message>
    <message>
        <source>This class has no seating chart yet. Draw one (rows, columns and seat labels you choose; no student names) to tally who talks.</source>
        <translation>Esta clase todavía no tiene plano de asientos. Dibuje uno (filas, columnas y etiquetas de asiento que usted elige; sin nombres de estudiantes) para registrar quién habla.</translation>
    </message>
    <message>
        <source>Participation</source>
        <extracomment>The panel&apos;s title; hide it if the window&apos;s dock already shows one.</extracomment>
        <translation>Participación</translation>
    </message>
    <message>
        <source>Create seating chart…</source>
        <translation>Crear plano de asientos…</translation>
    </message>
    <message>
        <source>Edit seating chart…</source>
        <translation>Editar plano de asientos…</translation>
    </message>
    <message>
        <source>Tally on the &amp;seating chart</source>
        <translation>Registrar en el &amp;plano de asientos</translation>
    </message>
    <message>
        <source>Move to the seats; arrows choose, Space tallies</source>
        <translation>Ir a los asientos; las flechas eligen, Espacio registra</translation>
    </message>
    <message>
        <source>Edit seating &amp;chart…</source>
        <translation>Editar &amp;plano de asientos…</translation>
    </message>
    <message>
        <source>Draw or change this class&apos;s seating chart</source>
        <translation>Dibujar o cambiar el plano de asientos de esta clase</translation>
    </message>
</context>
<context>
    <name>TeacherDialog</name>
    <message>
        <source>Edit teacher</source>
        <extracomment>The saved record&apos;s id.</extracomment>
        <translation>Editar docente</translation>
    </message>
    <message>
        <source>New teacher</source>
        <translation>Nuevo docente</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Teacher&apos;s name</source>
        <translation>Nombre del docente</translation>
    </message>
    <message>
        <source>e.g. Zoë Okafor</source>
        <translation>p. ej., Zoë Okafor</translation>
    </message>
    <message>
        <source>&amp;Email (optional):</source>
        <translation>&amp;Correo (opcional):</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>name@school.org</source>
        <translation>nombre@escuela.org</translation>
    </message>
    <message>
        <source>Sc&amp;hool:</source>
        <translation>Escue&amp;la:</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Escuela</translation>
    </message>
</context>
<context>
    <name>TeacherTreeModel</name>
    <message>
        <source>Teacher or class</source>
        <extracomment>Teacher id → account status in words, as last loaded. (id, name) of the profile&apos;s schools; dialogs offer a choice when there are several.</extracomment>
        <translation>Docente o clase</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
</context>
<context>
    <name>TeachersTab</name>
    <message>
        <source>Filter teachers and classes</source>
        <extracomment>How to plan and do the deletion of each kind of row. The current row or the list changed: the navigator updates its actions. A row is being shown on request (``select_record``): the navigator brings this tab up. Parent of the dialogs and messages (the navigator), so they open over it whichever tab is showing. Asks before a teacher or class is deleted; tests answer without a dialog. The context menu&apos;s actions (None: a separator), set by the navigator that owns them. Where unexpected failures go (the window&apos;s reporter, when it sets one).</extracomment>
        <translation>Filtrar docentes y clases</translation>
    </message>
    <message>
        <source>Filter teachers</source>
        <translation>Filtrar docentes</translation>
    </message>
    <message>
        <source>Teachers and classes</source>
        <translation>Docentes y clases</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Deleted {name}.</source>
        <translation>Se eliminó {name}.</translation>
    </message>
</context>
<context>
    <name>TimelineEditor</name>
    <message>
        <source>Edit evidence</source>
        <extracomment>Beyond this many changed items in one commit (a sync pull, a bulk load) re-reading the whole visit at once is cheaper than one query per item.</extracomment>
        <translation>Editar evidencia</translation>
    </message>
    <message>
        <source>Remove look-for</source>
        <translation>Quitar indicador</translation>
    </message>
    <message>
        <source>Tag evidence</source>
        <translation>Etiquetar evidencia</translation>
    </message>
    <message>
        <source>Mark look-for seen</source>
        <translation>Marcar indicador como observado</translation>
    </message>
    <message>
        <source>Mark look-for not yet seen</source>
        <translation>Marcar indicador como todavía no observado</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencias</translation>
    </message>
    <message>
        <source>Look-fors</source>
        <translation>Indicadores</translation>
    </message>
    <message>
        <source>about</source>
        <extracomment>Height of an image artifact&apos;s thumbnail in the timeline, in logical pixels. Marks as a screen reader says them.</extracomment>
        <translation>relacionado</translation>
    </message>
    <message>
        <source>seen</source>
        <translation>observado</translation>
    </message>
    <message>
        <source>not yet seen</source>
        <translation>todavía no observado</translation>
    </message>
    <message>
        <source>Private note: yours only. It stays off the teacher&apos;s feedback sheet unless you choose to include notes.</source>
        <translation>Nota privada: solo suya. No aparece en la hoja de retroalimentación del docente a menos que decida incluir las notas.</translation>
    </message>
    <message>
        <source>Press the look-for&apos;s Ctrl+digit again to step: about → ✓ seen → ○ not yet → untagged.</source>
        <translation>Pulse de nuevo el Ctrl+dígito del indicador para avanzar: sobre → ✓ observado → ○ todavía no → sin etiqueta.</translation>
    </message>
    <message>
        <source>unknown</source>
        <extracomment>(evidence id, changes) — changes holds ``text`` or ``kind``. Where an artifact&apos;s image is on disk (None while it is not on this device yet).</extracomment>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>%s (private)</source>
        <translation>%s (privada)</translation>
    </message>
    <message>
        <source>Prompt {n}</source>
        <translation>Pregunta {n}</translation>
    </message>
    <message>
        <source>Recorded at {time}</source>
        <translation>Registrado a las {time}</translation>
    </message>
    <message>
        <source>The image is not on this device yet.</source>
        <translation>La imagen todavía no está en este dispositivo.</translation>
    </message>
    <message>
        <source>with an image</source>
        <translation>con una imagen</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Evidence timeline</source>
        <translation>Cronología de evidencias</translation>
    </message>
    <message>
        <source>Evidence of this visit in time order. F2 edits, Delete deletes, Ctrl+1 to 9 toggles look-fors on the selected item.</source>
        <translation>Evidencias de esta visita en orden temporal. F2 edita, Supr elimina y Ctrl+1 a 9 activa o quita indicadores en el elemento seleccionado.</translation>
    </message>
</context>
<context>
    <name>UndoCommand</name>
    <message>
        <source>Save evidence</source>
        <extracomment>(look-for id, &quot;seen&quot; | &quot;not_yet&quot;): what the item shows for its tags.</extracomment>
        <translation>Guardar evidencia</translation>
    </message>
    <message>
        <source>Delete evidence</source>
        <translation>Eliminar evidencia</translation>
    </message>
    <message>
        <source>Delete {count} evidence items</source>
        <translation>Eliminar {count} elementos de evidencia</translation>
    </message>
    <message>
        <source>End visit</source>
        <translation>Terminar visita</translation>
    </message>
    <message>
        <source>Delete visit</source>
        <translation>Eliminar visita</translation>
    </message>
    <message>
        <source>tally for seat {seat} ({kind})</source>
        <translation>conteo del asiento {seat} ({kind})</translation>
    </message>
</context>
<context>
    <name>VisitContext</name>
    <message>
        <source>Not saved — the text is still in the capture line</source>
        <extracomment>Kinds whose change can alter the open visit&apos;s header (its title, class, look-for keys).</extracomment>
        <translation>Sin guardar: el texto sigue en la línea de captura</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>Todos los cambios guardados</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <source>No visits yet</source>
        <extracomment>The current row or the rows changed: the navigator updates its actions. Parent of the questions and messages (the navigator), and whose window says &quot;Deleted&quot;. Asks before a visit is deleted; tests answer without a dialog. The context menu&apos;s actions, set by the navigator that owns them.</extracomment>
        <translation>Todavía no hay visitas</translation>
    </message>
    <message>
        <source>Visit list problem</source>
        <translation>Problema con la lista de visitas</translation>
    </message>
    <message>
        <source>Visits by date</source>
        <translation>Visitas por fecha</translation>
    </message>
    <message>
        <source>Delete visit</source>
        <translation>Eliminar visita</translation>
    </message>
    <message>
        <source>Deleted the visit “{label}”. Edit → Undo (Ctrl+Z) brings it back.</source>
        <translation>Se eliminó la visita «{label}». Editar → Deshacer (Ctrl+Z) la recupera.</translation>
    </message>
</context>
<context>
    <name>WeeklyLogWindow</name>
    <message>
        <source>Weekly coaching log</source>
        <translation>Registro semanal de coaching</translation>
    </message>
    <message>
        <source>◀ &amp;Previous week</source>
        <translation>◀ Semana &amp;anterior</translation>
    </message>
    <message>
        <source>T&amp;his week</source>
        <translation>Esta se&amp;mana</translation>
    </message>
    <message>
        <source>Ne&amp;xt week ▶</source>
        <translation>Semana &amp;siguiente ▶</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semana</translation>
    </message>
    <message>
        <source>This week&apos;s time</source>
        <translation>El tiempo de esta semana</translation>
    </message>
    <message>
        <source>Chart: coaching and other duties, minutes per week</source>
        <translation>Gráfico: coaching y otras tareas, minutos por semana</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>This week&apos;s log entries</source>
        <translation>Registros de tiempo de esta semana</translation>
    </message>
    <message>
        <source>&amp;Log time…</source>
        <translation>&amp;Registrar tiempo…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>E&amp;liminar</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>&amp;Deshacer eliminación</translation>
    </message>
    <message>
        <source>Log status</source>
        <translation>Estado del registro</translation>
    </message>
    <message>
        <source>Week of {day}</source>
        <translation>Semana del {day}</translation>
    </message>
    <message>
        <source>{hours} logged: {share:.0%} coaching ({hours2}), {value:.0%} other duties ({hours3}). By activity: {parts}.</source>
        <translation>{hours} registradas: {share:.0%} coaching ({hours2}), {value:.0%} otras tareas ({hours3}). Por actividad: {parts}.</translation>
    </message>
    <message>
        <source>Nothing logged this week yet. Log time with Ctrl+Shift+A.</source>
        <translation>Todavía no hay nada registrado esta semana. Registre tiempo con Ctrl+Shift+A.</translation>
    </message>
    <message>
        <source>Coaching</source>
        <translation>Coaching</translation>
    </message>
    <message>
        <source>Other duties</source>
        <translation>Otras tareas</translation>
    </message>
    <message>
        <source>Minutes per week: coaching vs other duties</source>
        <translation>Minutos por semana: coaching frente a otras tareas</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>Typed</source>
        <translation>Escrito</translation>
    </message>
    <message>
        <source>Entry deleted.</source>
        <translation>Registro eliminado.</translation>
    </message>
    <message>
        <source>Entry restored.</source>
        <translation>Registro restaurado.</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Observe keeps your classroom notes on this computer, and works without a network. Tell it who you are to get started.</source>
        <translation>Observe guarda sus notas de aula en este equipo y funciona sin red. Indique quién es para empezar.</translation>
    </message>
    <message>
        <source>If your school runs an Observe server, type its address to sync your notes to it. Leave it empty to work on this computer only.</source>
        <translation>Si su escuela tiene un servidor de Observe, escriba la dirección del servidor para sincronizar sus notas con él. Déjelo vacío para trabajar solo en este equipo.</translation>
    </message>
    <message>
        <source>Welcome to {APP_NAME}</source>
        <extracomment>&quot;completed&quot;, &quot;demo&quot;, &quot;skipped&quot;, or None while open / when closed without a choice.</extracomment>
        <translation>Bienvenida a {APP_NAME}</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenida</translation>
    </message>
    <message>
        <source>{APP_NAME} icon</source>
        <translation>Icono de {APP_NAME}</translation>
    </message>
    <message>
        <source>as it should appear on feedback sheets</source>
        <translation>como debe aparecer en las hojas de retroalimentación</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <source>for example, Riverside Middle School</source>
        <translation>por ejemplo, Escuela Secundaria Riverside</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Escuela</translation>
    </message>
    <message>
        <source>https://observe.school.org (optional)</source>
        <translation>https://observe.escuela.org (opcional)</translation>
    </message>
    <message>
        <source>Sync server address</source>
        <translation>Dirección del servidor de sincronización</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Su &amp;nombre:</translation>
    </message>
    <message>
        <source>Sc&amp;hool:</source>
        <translation>Escue&amp;la:</translation>
    </message>
    <message>
        <source>Sync se&amp;rver:</source>
        <translation>Se&amp;rvidor de sincronización:</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Empezar</translation>
    </message>
    <message>
        <source>Start using Observe</source>
        <translation>Empezar a usar Observe</translation>
    </message>
    <message>
        <source>Load &amp;demo data</source>
        <translation>Cargar datos de &amp;demostración</translation>
    </message>
    <message>
        <source>Load demo data instead</source>
        <translation>Cargar datos de demostración en su lugar</translation>
    </message>
    <message>
        <source>Fill this empty profile with made-up records to explore</source>
        <translation>Llenar este perfil vacío con registros inventados para explorar</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>&amp;Omitir</translation>
    </message>
    <message>
        <source>Skip and don&apos;t ask again</source>
        <translation>Omitir y no volver a preguntar</translation>
    </message>
    <message>
        <source>Welcome! Your school is set up. Sign in to {server} to sync; you can also do it later from the Sync menu.</source>
        <translation>¡Le damos la bienvenida! Su escuela está configurada. Inicie sesión en {server} para sincronizar; también puede hacerlo más tarde desde el menú Sincronización.</translation>
    </message>
    <message>
        <source>Welcome! Your school is set up; add teachers from the Classes menu.</source>
        <translation>¡Le damos la bienvenida! Su escuela está configurada; añada docentes desde el menú Clases.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Look-fors and participation</source>
        <translation>Indicadores y participación</translation>
    </message>
    <message>
        <source>&amp;Look-fors</source>
        <translation>&amp;Indicadores</translation>
    </message>
    <message>
        <source>&amp;Participation</source>
        <translation>&amp;Participación</translation>
    </message>
</context>
<context>
    <name>_ImportDialog</name>
    <message>
        <source>CSV file</source>
        <translation>Archivo CSV</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>&amp;Read file</source>
        <translation>&amp;Leer archivo</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Cuándo:</translation>
    </message>
    <message>
        <source>What will be stored</source>
        <translation>Qué se guardará</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Archivos CSV (*.csv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Choose the CSV file to import.</source>
        <translation>Elija el archivo CSV que desea importar.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Leyendo…</translation>
    </message>
    <message>
        <source>Check what will be stored, then choose Import.</source>
        <translation>Revise lo que se guardará y después elija Importar.</translation>
    </message>
    <message>
        <source>Read the file first (Enter in the file name).</source>
        <translation>Primero lea el archivo (Intro en el nombre del archivo).</translation>
    </message>
</context>
<context>
    <name>coaching.frameworks_window</name>
    <message>
        <source>Import look-for framework</source>
        <extracomment>Asks for a framework file to open / a place to save one; tests answer without dialogs. Asks what to do with a file named like one of my sets: &quot;update&quot;, &quot;copy&quot; or None (cancel).</extracomment>
        <translation>Importar marco de indicadores</translation>
    </message>
    <message>
        <source>Frameworks (*.json)</source>
        <translation>Marcos (*.json)</translation>
    </message>
    <message>
        <source>Export look-for framework</source>
        <translation>Exportar marco de indicadores</translation>
    </message>
    <message>
        <source>You already have a set called “{name}”.</source>
        <translation>Ya tiene un conjunto llamado «{name}».</translation>
    </message>
    <message>
        <source>Update it from the file (look-fors are matched by code, so tagged evidence keeps its tags), or add the file as a separate set?</source>
        <translation>¿Actualizarlo desde el archivo (los indicadores se emparejan por código, así que la evidencia etiquetada conserva sus etiquetas) o añadir el archivo como un conjunto aparte?</translation>
    </message>
    <message>
        <source>&amp;Update my set</source>
        <translation>&amp;Actualizar mi conjunto</translation>
    </message>
    <message>
        <source>Add as a &amp;copy</source>
        <translation>Añadir como &amp;copia</translation>
    </message>
</context>
<context>
    <name>coaching.impact_window</name>
    <message>
        <source>Export all tables to folder</source>
        <extracomment>Chooses a folder for &quot;Export all&quot;; tests pass one that answers at once.</extracomment>
        <translation>Exportar todas las tablas a una carpeta</translation>
    </message>
    <message>
        <source>1 visit</source>
        <translation>1 visita</translation>
    </message>
    <message>
        <source>{count} visits</source>
        <translation>{count} visitas</translation>
    </message>
    <message>
        <source> in the weeks shown ({hidden} hidden)</source>
        <translation> en las semanas mostradas ({hidden} ocultas)</translation>
    </message>
    <message>
        <source>{value:.0%} of logged time spent coaching</source>
        <translation>{value:.0%} del tiempo registrado dedicado al coaching</translation>
    </message>
    <message>
        <source>1 cycle active, {completed} completed</source>
        <translation>1 ciclo activo, {completed} completados</translation>
    </message>
    <message>
        <source>{active} cycles active, {completed} completed</source>
        <translation>{active} ciclos activos, {completed} completados</translation>
    </message>
    <message>
        <source>{mean:.0%} of the class heard in an average tallied visit</source>
        <translation>{mean:.0%} de la clase escuchada en una visita típica con conteo</translation>
    </message>
    <message>
        <source>No figures for this period yet.</source>
        <translation>Todavía no hay datos para este periodo.</translation>
    </message>
</context>
<context>
    <name>coaching.panes</name>
    <message>
        <source>Export table as CSV</source>
        <extracomment>Asks where to save a CSV file (suggested path in); tests pass one that answers at once.</extracomment>
        <translation>Exportar tabla como CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Archivos CSV (*.csv);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>coaching.weekly_log</name>
    <message>
        <source>{h} h {m:02d} min</source>
        <translation>{h} h {m:02d} min</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m} min</translation>
    </message>
</context>
<context>
    <name>feedback.composer</name>
    <message>
        <source>Unsaved feedback</source>
        <extracomment>Asks what to do with unsaved edits: &quot;save&quot;, &quot;discard&quot; or &quot;cancel&quot;.</extracomment>
        <translation>Retroalimentación sin guardar</translation>
    </message>
    <message>
        <source>Save the changes to this feedback before closing?</source>
        <translation>¿Guardar los cambios de esta retroalimentación antes de cerrar?</translation>
    </message>
</context>
<context>
    <name>navigator.deletion</name>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>E&amp;liminar</translation>
    </message>
</context>
<context>
    <name>navigator.school_dialog</name>
    <message>
        <source>Edit school</source>
        <translation>Editar escuela</translation>
    </message>
    <message>
        <source>There is no school in this profile yet: it is made with the first teacher (New teacher…) or by a roster import.</source>
        <translation>Todavía no hay ninguna escuela en este perfil: se crea con el primer docente (Nuevo docente…) o al importar una lista de clases.</translation>
    </message>
</context>
<context>
    <name>reports.actions</name>
    <message>
        <source>Export sheets to folder</source>
        <translation>Exportar hojas a una carpeta</translation>
    </message>
</context>
<context>
    <name>reports.printing</name>
    <message>
        <source>The printer could not be started. Check that it is connected and try again.</source>
        <translation>No se pudo iniciar la impresora. Compruebe que está conectada y vuelva a intentarlo.</translation>
    </message>
</context>
<context>
    <name>sync.menu</name>
    <message>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
</context>
</TS>
