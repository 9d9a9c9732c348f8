# Interface strings of the charter site, English.
# Every id here must also exist in locales/bn/main.ftl (`charter check` and the tests compare them).

site-title = Citizen Charter
lang-name = English
skip-to-content = Skip to main content
nav-label = Main menu
nav-home = Home
nav-services = Services
nav-contact = Contact
lang-switch = বাংলা
lang-switch-label = Read this page in Bangla
header-label = About the office

section-vision-mission = Vision and mission
vision = Vision
mission = Mission
section-services = Services we promise
group-citizen = Citizen services
group-institutional = Institutional services
group-internal = Internal services
group-count = { $count ->
    [one] { $count } service
   *[other] { $count } services
}
section-expectations = What we expect from you
section-grs = Grievance redress system (GRS)
grs-intro = If you are not satisfied with a service, contact the responsible officer. If they cannot solve the problem, contact the people below.

col-serial = No.
col-name = Service
col-delivery = How the service is provided
col-documents = Documents needed and where to get them
col-fee = Fee and how to pay
col-time = Time limit
col-officer = Responsible officer (name, designation, phone and e-mail)
col-numbering = Column numbers
senior-officer = Senior officer
no-officer = The responsible officer has not been named yet.
grs-serial = No.
grs-when = When to contact
grs-contact = Whom to contact
grs-address = Contact address
grs-time = Time to resolve

officer-phone = Phone
officer-email = E-mail
officers-title = Responsible officers
office-contact = Office address
website = Website

home-title = Citizen Charter — { $office }
home-description = Citizen charter of the { $office }: vision, mission, the services it promises, documents needed, fees, time limits and responsible officers.
services-title = Services we promise
services-description = All services of the { $office }: how they are provided, documents, fees, time limits and responsible officers.
services-print-note = This list is laid out to print on A4 paper in landscape.
service-description = { $service }: how it is provided, documents needed, fee, time limit and the responsible officer.
service-group-serial = { $group }, no. { $number }
all-services = All services
contact-title = Contact
contact-description = Phone numbers and e-mail addresses of the responsible officers of the { $office }.

search-label = Search services
search-button = Search
search-title = Search services
search-description = Search the services of the { $office }.
search-results = { $count ->
    [one] { $count } service found for “{ $query }”.
   *[other] { $count } services found for “{ $query }”.
}
search-all = All services ({ $count })
search-none = No service found for “{ $query }”. Try other words, or see the list of all services.
search-more = The first { $count } are listed: add a word to narrow the search, or see the list of all services.
search-closest = Services with a similar name
# The label of an officer's name or designation a search found.
search-field-officer = Responsible officer
# In the static copy, which has no search, in place of the search form.
all-services-link = List of all services ({ $count })

last-updated = Last updated
bangla-calendar = Bangla calendar

not-found-title = Page not found
not-found-body = The page you are looking for is not on this website. Check the address, or go to one of the pages below.
bad-request-title = Request not understood
bad-request-body = The address contains something this website cannot understand. Check the address, or go to one of the pages below.
server-error-title = Something went wrong
server-error-body = Something went wrong while showing this page. Please try again in a little while.
go-home = Go to the home page

qr-label = QR code for this service's page
qr-caption = Scan with a phone camera to open this page
