## the accessibility statement and its feedback form (Act 306/2019)
a11y-title = Accessibility statement
a11y-footer-link = Accessibility statement
a11y-intro = This statement tells how the My Kanta web service meets the requirements of the Act on the Provision of Digital Services (306/2019), what shortcomings it has, and how you can give us feedback.
a11y-status-title = How accessible the service is
a11y-status = The service largely meets the accessibility requirements. We aim at levels A and AA of WCAG 2.2, more than the law requires (WCAG 2.1 AA).
a11y-tested-title = How we check the service
a11y-tested-intro = Every change to the service is checked automatically before it is published. The check goes through every page as every test person (one's own matters, the guardian of a child under 10, the guardian of a child of 10 or older, a mandate holder, a Swedish-speaking user and a user who has not signed in), in Finnish, Swedish and English, with and without JavaScript, on a narrow and a wide screen. On every page it checks:
a11y-tested-axe = the points of WCAG 2.0–2.2 levels A and AA that can be checked automatically (axe-core)
a11y-tested-structure = that the page has one main heading, a main content area, a link past the menus to the content, and heading levels in order
a11y-tested-reflow = that a screen 320 pixels wide needs no scrolling sideways
a11y-tested-targets = that buttons, links and choices are at least 24 × 24 pixels
a11y-tested-language = that the page's language is set and text in another language is marked as that language
a11y-tested-keyboard = that a form's errors are listed first, each as a link to its field, and that the keyboard focus moves to the list
a11y-tested-states = error states too: forms sent empty and sent wrong, a search without results, a page the user has no right to, and a page that does not exist
a11y-gaps-title = Shortcomings and why
a11y-gaps = The service has not yet been assessed by an outside expert, nor tested by hand with screen readers (NVDA, JAWS, VoiceOver, TalkBack) or with people who use assistive technologies. Automatic checks find only some shortcomings. We will add every shortcoming found here, with when it will be fixed.
a11y-made-title = How this statement was made
a11y-made = This statement was made on 30 November 2026 as a self-assessment. It is updated whenever the checks change, and at least once a year.
a11y-feedback-title = Did you notice an accessibility problem?
a11y-feedback-intro = Tell us if some part of the service does not work for you. You can send feedback without signing in. Do not write your health information or personal identity code in it. We answer within two weeks if you give your contact details.
a11y-feedback-page = Which page or part of the service is it about? (optional)
a11y-feedback-message = Your feedback
a11y-feedback-message-hint = { $max ->
    [one] Tell us what you tried to do and what did not work. At most one character.
   *[other] Tell us what you tried to do and what did not work. At most { $max } characters.
}
a11y-feedback-contact = E-mail address or phone number for an answer (optional)
a11y-feedback-send = Send feedback
a11y-feedback-sent = Thank you for your feedback. It has been saved, and the service's maintainers will handle it.
a11y-authority-title = Supervisory authority
a11y-authority = If you notice accessibility problems, first give feedback to us. If you are not satisfied with the answer or get none within two weeks, you can notify the supervisory authority. Instructions are at webaccessibility.fi.
error-invalid-feedback-empty = Write your feedback.
error-invalid-feedback-too-long = { $max ->
    [one] The feedback is too long. Shorten it to one character.
   *[other] The feedback is too long. Shorten it to { $max } characters at most.
}
error-invalid-contact-too-long = { $max ->
    [one] The contact details are too long (one character at most).
   *[other] The contact details are too long ({ $max } characters at most).
}
error-invalid-page-too-long = { $max ->
    [one] The description of the page is too long (one character at most).
   *[other] The description of the page is too long ({ $max } characters at most).
}
