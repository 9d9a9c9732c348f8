# Interface strings of the charter site, English.
# Every id here must also exist in locales/bn/main.ftl (`charter check` and the tests compare them).

site-title = Citizen Charter
lang-name = English
skip-to-content = Skip to main content
nav-label = Main menu
nav-home = Home
nav-services = Services
nav-contact = Contact
# The language switch on a Bangla page links here: it names English in English
# (`lang-name`, with this title) and is marked lang="en".
lang-switch-label = Read this page in English
header-label = About the office

section-vision-mission = Vision and mission
vision = Vision
mission = Mission
section-services = Promised services
group-citizen = Citizen services
group-institutional = Institutional services
group-internal = Internal services
# A service table's heading: "2.1 Citizen services".
group-heading = { $section } { $group }
group-count = { $count ->
    [one] { $count } service
   *[other] { $count } services
}
section-expectations = What we expect from you
section-grs = Grievance Redress System (GRS)
grs-intro = If you are not satisfied with a service, contact the responsible officer. If the officer does not resolve it, make contact following the procedure below and report your problem.

col-serial = Serial no.
col-name = Name of service
col-delivery = Method of service delivery
col-documents = Required documents and where to obtain them
col-fee = Fee and payment method
col-time = Time limit for service delivery
col-officer = Responsible officer (name, designation, phone number and e-mail)
col-numbering = Column numbers
senior-officer = Senior officer
no-officer = The responsible officer has not been named yet.
grs-serial = Serial no.
grs-when = When to contact
grs-contact = Whom to contact
grs-address = Contact address
grs-time = Time limit for resolution

officer-phone = Phone
officer-email = E-mail
officers-title = Responsible officers
office-contact = Office contact details
website = Website

home-title = Citizen Charter — { $office }
home-description = Citizen Charter of the { $office }: vision, mission, promised services, required documents, fees, time limits and responsible officers.
services-title = Promised services
services-description = All services of the { $office }: method of service delivery, required documents, fees, time limits and responsible officers.
services-print-note = This list is laid out to print on A4 paper in landscape.
service-description = { $service }: method of service delivery, required documents, fee, time limit and responsible officer.
service-group-serial = { $group }, serial no. { $number }
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
search-none = No services found for “{ $query }”. Try other words, or see the list of all services.
search-more = Only the first { $count } are shown. Add a word to narrow the search, or see the list of all services.
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
server-error-body = This page could not be shown because of a fault on the website. Please try again in a little while, or go to one of the pages below.
go-home = Go to the home page

qr-label = QR code for this service's page
qr-caption = Scan with a phone camera to open this page

# The directory of every office of a folder of charters, served to any host
# name that is not an office's.
directory-title = Citizen charters of every office
directory-government = Government of the People's Republic of Bangladesh
# The header's department when the offices do not all name the same one.
directory-department = Department of Information and Communication Technology
directory-description = The citizen charters of { $count ->
    [one] { $count } office
   *[other] { $count } offices
} by division, district and upazila: each office's services, required documents, fees and time limits.
directory-intro = The citizen charters of { $count ->
    [one] { $count } office
   *[other] { $count } offices
}, by division, district and upazila. Each office's name opens its own website.
directory-intro-search = To search the services of every office at once, type the name of a service, or a word of it, in the search box above.
directory-empty = No office's citizen charter has been added yet.
nav-offices = All offices
# The label of the list of links to each division's offices.
directory-divisions = Divisions
# Written after a division's or a district's name in its heading: "Mymensingh Division".
division-word = Division
district-word = District
no-division = Division not given
office-count = { $count ->
    [one] { $count } office
   *[other] { $count } offices
}
all-offices = List of all offices
# In the static copy, which has no search, in place of the search form.
all-offices-link = List of all offices ({ $count })
directory-search-label = Search the services of every office
directory-search-title = Search the services of every office
directory-search-description = Search the services of every office.
directory-search-results = { $count ->
    [one] { $count } service
   *[other] { $count } services
} found for “{ $query }” in { $offices ->
    [one] { $offices } office
   *[other] { $offices } offices
}.
directory-search-none = No service of any office found for “{ $query }”. Try other words, or see the list of all offices.
directory-search-empty = Type the name of a service, or a word of it, to search the services of every office, or see the list of all offices.
directory-search-more = Only the first { $count } are shown. Add a word to narrow the search.

# At the foot of every office's page, the link to the report form.
feedback-link = Is anything wrong on this page?
