"""What the hall sees, without Qt: the pure functions from the session and the timer's view to what the
projector, the phones, the API and the handout show, with the privacy rules applied in one place.

Below `ui` and `room` (both read it) and above the model and the settings (which it reads); nothing here keeps
state or imports Qt, so the phones' JSON, the projector's picture and a test all get the same answer.
"""
