/**
 * The HTML player's script, as source text inlined into the exported file. Plain ES2017 with no
 * imports: it reads the embedded JSON and swaps pre-rendered SVGs, so it runs from file:// offline.
 */
export const PLAYER_SCRIPT = String.raw`
(function () {
  'use strict'
  var data = JSON.parse(document.getElementById('rs-data').textContent)
  var steps = data.steps
  var current = 0
  var $ = function (id) { return document.getElementById(id) }
  var diagram = $('rs-diagram')
  var slider = $('rs-slider')
  var status = $('rs-status')
  var notes = $('rs-notes')
  var changes = $('rs-changes')
  var output = $('rs-console')
  var lines = document.querySelectorAll('.code-line')
  slider.max = String(steps.length - 1)

  function text(tag, value, className) {
    var element = document.createElement(tag)
    element.textContent = value
    if (className) element.className = className
    return element
  }

  function fill(list, items) {
    list.textContent = ''
    for (var i = 0; i < items.length; i++) list.appendChild(text('li', items[i]))
  }

  function show(position) {
    current = Math.max(0, Math.min(steps.length - 1, position))
    var step = steps[current]
    diagram.innerHTML = data.svgs[step.svg]
    slider.value = String(current)
    status.textContent =
      'Step ' + (step.index + 1) + ' of ' + data.total + ' · Line ' + step.line + ' · ' + step.event
    status.setAttribute('data-step-index', String(step.index))
    status.setAttribute('data-line', String(step.line))
    status.setAttribute('data-event', step.event)
    for (var i = 0; i < lines.length; i++) {
      lines[i].classList.toggle('current', Number(lines[i].getAttribute('data-line')) === step.line)
    }
    fill(notes, step.notes)
    notes.hidden = step.notes.length === 0
    fill(changes, step.changes)
    var written = ''
    for (var j = 0; j <= current; j++) written += steps[j].output
    output.textContent = written
    output.scrollTop = output.scrollHeight
    $('rs-first').disabled = $('rs-back').disabled = current === 0
    $('rs-last').disabled = $('rs-forward').disabled = current === steps.length - 1
  }

  $('rs-first').addEventListener('click', function () { show(0) })
  $('rs-back').addEventListener('click', function () { show(current - 1) })
  $('rs-forward').addEventListener('click', function () { show(current + 1) })
  $('rs-last').addEventListener('click', function () { show(steps.length - 1) })
  slider.addEventListener('input', function () { show(Number(slider.value)) })
  document.addEventListener('keydown', function (event) {
    if (event.target === slider) return
    if (event.key === 'ArrowRight') show(current + 1)
    else if (event.key === 'ArrowLeft') show(current - 1)
    else if (event.key === 'Home') show(0)
    else if (event.key === 'End') show(steps.length - 1)
    else return
    event.preventDefault()
  })
  show(data.start)
})()
`
