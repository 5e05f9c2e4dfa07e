## social welfare

nav-social-welfare = Social welfare
front-social-welfare-text = Your social-welfare client documents by service task, and how to reach your designated worker.
social-title = Social welfare
social-intro = Here you see your social-welfare client documents by service task. Not every document is shown in My Kanta: shelter services and payment commitments, for example, are not.
social-none = You have no social-welfare client documents that are shown in My Kanta.
social-documents-of = Client documents: { $task }
social-client-since = Client since { $date }
social-designated-worker = Designated worker: { $name }, { $role }
social-phone = Phone
social-recorded = Recorded
social-kind = Type of document
social-document-title = Title
social-task = Service task
social-organisation = Provider
social-unit = Unit
social-text = What the document says
social-contact = Contact details
social-document = Social-welfare document
social-back = Back to social welfare
social-task-older-people = Services for older people
social-task-disability = Disability services
social-task-child-welfare = Child welfare
social-task-adult-social-work = Adult social work
social-task-substance-abuse = Substance abuse services
social-task-shelter = Shelter services
social-task-domestic-violence = Work against domestic violence
social-kind-client-relationship-started = Client relationship started
social-kind-service-need-assessment = Service need assessment
social-kind-client-plan = Client plan
social-kind-decision = Decision
social-kind-payment-commitment = Payment commitment
social-worker-social-worker = social worker
social-worker-social-counsellor = social counsellor
social-worker-service-coordinator = service coordinator
action-social-welfare-list = Viewing social-welfare documents
action-social-welfare-read = Viewing a social-welfare document
action-social-welfare-news = Viewing new social-welfare documents
news-social-none = No new social-welfare documents since your previous visit.
news-social = { $count ->
    [one] One new document since your previous visit.
   *[other] { $count } new documents since your previous visit.
}
