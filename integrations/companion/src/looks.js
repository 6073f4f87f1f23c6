/**
 * How the keys look: the boolean feedbacks (running, paused, warning, overtime, blank, offline) with the colours of the
 * console's own timer (green running, amber warning, red overtime), and ready-made buttons (presets) for the
 * commands a desk uses most, showing the time left, who speaks and who is next.
 */
'use strict'

const { combineRgb } = require('@companion-module/base')

const WHITE = combineRgb(255, 255, 255)
const BLACK = combineRgb(0, 0, 0)
const GREEN = combineRgb(0, 128, 0)
const AMBER = combineRgb(230, 160, 0)
const RED = combineRgb(200, 0, 0)
const GREY = combineRgb(70, 70, 70)

const FEEDBACKS = {
	running: ["The speaker's time is running", { bgcolor: GREEN, color: WHITE }],
	paused: ["The speaker's time is paused", { bgcolor: GREY, color: WHITE }],
	warning: ['Warning: the last seconds of the speaking time', { bgcolor: AMBER, color: BLACK }],
	overtime: ['Overtime: the speaking time is up', { bgcolor: RED, color: WHITE }],
	blank: ['The projector is blanked', { bgcolor: BLACK, color: GREY }],
	offline: ['The console cannot be reached (room off, laptop away, wrong token)', { bgcolor: GREY, color: RED }],
}

/** @param {{shown: {flags: Record<string, boolean>}}} instance */
function feedbackDefinitions(instance) {
	const definitions = {}
	for (const [id, [name, style]] of Object.entries(FEEDBACKS)) {
		definitions[id] = {
			type: 'boolean',
			name,
			defaultStyle: style,
			options: [],
			callback: () => instance.shown.flags[id] === true,
		}
	}
	return definitions
}

function button(category, name, text, actionId, feedbacks = [], options = {}) {
	return {
		type: 'button',
		category,
		name,
		style: { text, size: 'auto', color: WHITE, bgcolor: BLACK },
		steps: [{ down: actionId ? [{ actionId, options }] : [], up: [] }],
		feedbacks: feedbacks.map((feedbackId) => ({ feedbackId, options: {}, style: FEEDBACKS[feedbackId][1] })),
	}
}

/**
 * @param {string} label the connection's label, which names its variables: $(label:time_left)
 * @param {string[]} actionIds the actions the console offers: a preset for a command it lacks is left out
 */
function presetDefinitions(label, actionIds) {
	const v = (id) => `$(${label}:${id})`
	const offered = new Set(actionIds)
	const all = {
		toggle_timer: button('Timer', 'Start/pause, with the time left', `${v('time_left')}`, 'toggle_timer', [
			'running',
			'warning',
			'overtime',
			'offline',
		]),
		add_time: button('Timer', '+30 s', '+30 s', 'add_time'),
		take_time: button('Timer', '−30 s', '−30 s', 'take_time'),
		end_turn: button('Timer', 'End the turn', 'End turn', 'end_turn'),
		reset_timer: button('Timer', 'Reset the time', 'Reset', 'reset_timer'),
		next: button('Free chair', 'Next, showing who is next', `Next\n${v('next')}`, 'next'),
		speaker: button('Free chair', 'Who speaks (display only)', `${v('speaker')}\n${v('time_left')}`, '', [
			'warning',
			'overtime',
		]),
		queue: button('Free chair', 'Queue length (display only)', `Queue\n${v('queue_length')}`, ''),
		blank: button('Projector', 'Blank the projector', 'Blank', 'blank', ['blank']),
		clear_message: button('Projector', 'Clear the message', 'Clear message', 'message', [], { text: '' }),
	}
	return Object.fromEntries(
		Object.entries(all).filter(([, preset]) => preset.steps[0].down.every((a) => offered.has(a.actionId))),
	)
}

module.exports = { FEEDBACKS, feedbackDefinitions, presetDefinitions }
