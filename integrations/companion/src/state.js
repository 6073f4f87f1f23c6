/**
 * What the module shows from the console's state: the variables and the feedbacks' on/off, as pure functions of
 * the last answer of GET /api/state and the seconds since it arrived (the time left counts down between polls
 * the way the console's own panel does, so a key's digits change on the second, not on the next poll).
 *
 * The rules mirror the console's: `phase` as SpeakerTimer.phase (model/timer.py), the digits as
 * format_seconds (m:ss, +m:ss in overtime). Names come as the API gives them: the console already applied
 * its privacy rules (consent, "Gast"/"Guest").
 */
'use strict'

const VARIABLES = {
	time_left: 'Time left for the speaker (m:ss, +m:ss in overtime; empty while nobody has the floor)',
	time_left_seconds: 'Time left in whole seconds (negative in overtime; empty while nobody has the floor)',
	speaker: 'Who has the floor, as the projector names them',
	speaker_detail: 'Their role (and organisation, where they agreed), as the projector shows it',
	next: 'Who is next on the free chair (the names only, as the projector shows them)',
	next_line: 'The projector\'s whole "Next" line, in the audience\'s language',
	queue_length: 'How many wait in the free-chair queue',
	phase: 'The timer: ready, running, warning, overtime; empty while nobody has the floor; offline',
	mode: "What the projector shows: timer, idle, countdown, blank; offline while the console can't be reached",
	message: 'The message on the projector (empty if none)',
	topic: "The evening's question or topic on the projector",
	countdown: 'Before the start: the time until the evening begins (m:ss)',
}

const FLAGS = ['running', 'paused', 'warning', 'overtime', 'blank', 'offline']

const ISOLATED = /\u2068([^\u2069]*)\u2069/g
const ISOLATES = /[\u2066-\u2069]/g

/** A projector text for a key: without the Unicode isolates that keep right-to-left names in place on the
 * projector (a Stream Deck's font may draw them as boxes). */
function plain(text) {
	return String(text ?? '').replace(ISOLATES, '')
}

/** The names in the projector's "Next: ⁨Anna⁩ · ⁨Ben⁩" line: each name is wrapped in isolates there. */
function namesIn(line) {
	const names = [...String(line ?? '').matchAll(ISOLATED)].map((m) => m[1])
	return names.length ? names.join(' · ') : plain(line)
}

/** The console's format_seconds: the time left as a wall clock shows it (2:00 for the whole first second). */
function formatSeconds(seconds) {
	let whole
	let sign = ''
	if (seconds >= 0) {
		whole = Math.ceil(seconds - 1e-9)
	} else {
		whole = Math.floor(-seconds + 1e-9)
		sign = '+'
	}
	const minutes = Math.floor(whole / 60)
	const secs = whole % 60
	return `${sign}${minutes}:${String(secs).padStart(2, '0')}`
}

/** The console's SpeakerTimer.phase from the numbers the API gives. */
function phaseOf(remaining, warning, started) {
	if (!started) return 'ready'
	if (remaining <= 0) return 'overtime'
	return remaining <= warning ? 'warning' : 'running'
}

/**
 * The variables and flags for a state that arrived `elapsed` seconds ago; `state` null means the console cannot
 * be reached (everything empty, every flag off: a stale "running" on a key would mislead).
 * @param {Record<string, any> | null} state
 * @param {number} elapsed
 */
function reading(state, elapsed = 0) {
	const flags = Object.fromEntries(FLAGS.map((f) => [f, false]))
	const variables = Object.fromEntries(Object.keys(VARIABLES).map((v) => [v, '']))
	if (!state) {
		variables.phase = 'offline'
		variables.mode = 'offline'
		flags.offline = true
		return { variables, flags }
	}
	variables.mode = String(state.mode ?? '')
	variables.speaker = plain(state.speaker)
	variables.speaker_detail = plain(state.detail)
	variables.next = namesIn(state.next)
	variables.next_line = plain(state.next)
	variables.queue_length = Number.isInteger(state.queue) ? state.queue : ''
	variables.message = String(state.message ?? '')
	variables.topic = String(state.topic ?? '')
	flags.blank = state.mode === 'blank'
	if (typeof state.left === 'number') {
		variables.countdown = formatSeconds(Math.max(0, state.left - elapsed))
	}
	if (typeof state.rem === 'number') {
		const remaining = state.run ? state.rem - elapsed : state.rem
		const phase = phaseOf(remaining, Number(state.warn ?? 0), Boolean(state.started))
		variables.time_left = formatSeconds(remaining)
		variables.time_left_seconds = remaining >= 0 ? Math.ceil(remaining - 1e-9) : -Math.floor(-remaining + 1e-9)
		variables.phase = phase
		flags.running = state.run === true
		flags.paused = Boolean(state.started) && state.run !== true
		flags.warning = phase === 'warning'
		flags.overtime = phase === 'overtime'
	}
	return { variables, flags }
}

module.exports = { VARIABLES, FLAGS, formatSeconds, phaseOf, plain, namesIn, reading }
