# inquiry-desk messages — English. Message ids and variables must match ko.ftl exactly, or the
# build fails (see build.rs).

app-title = 1:1 Inquiries
new-inquiry = Ask a question

## List: filters
period = Period
custom-period = Custom
start-date = Start date
end-date = End date
apply = Search
status = Status
all-statuses = All
search-by = Search in
search-keyword = Title & content
search-order-no = Order number
search-placeholder = Enter a search term
search = Search
preset-week = 1 week
preset-month = 1 month
preset-three-months = 3 months
preset-six-months = 6 months
preset-year = 1 year
period-missing = Please enter both a start and an end date.
period-start-after-end = The start date cannot be after the end date.
period-end-in-future = The end date cannot be in the future.
period-too-long = The period can be at most { $max } days (you chose { $days } days).

## List: table
list-caption = My 1:1 inquiries
col-type = Type
col-title = Title
col-goods = Product
col-order = Order number
col-created = Submitted
col-status = Status
empty-list = You have no inquiries in this period.
empty-hint = If you have a question, we're happy to help.
total-count = { $count ->
    [one] { $count } inquiry
   *[other] { $count } inquiries
}
page-of = Page { $page } of { $total }
prev-page = Previous
next-page = Next
pagination = Pages

## Common
retry = Try again
loading = Loading…
back-to-list = Back to list
edit = Edit
delete = Delete
cancel = Cancel
close = Close
remove = Remove
more = Show more
price = ₩{ $amount }

## Status
status-received = Received
status-in-progress = In progress
status-answered = Answered
status-hint-received = Waiting for an agent
status-hint-in-progress = An agent is on it
status-hint-answered = See the answer
new-answer = New answer
lock-in-progress = An inquiry an agent is working on can no longer be edited or deleted.
lock-answered = An answered inquiry can no longer be edited or deleted.

## Detail
content = Inquiry
order-no = Order number
order-date = Order date
created-at = Submitted
answered-at = Answered
photos = Photos
replies = Answers
no-reply-yet = No answer yet. It will appear here as soon as there is one.
reply-counselor = Customer service
reply-seller = Seller
delete-title = Delete this inquiry?
delete-body = The inquiry and its photos cannot be restored once deleted.
delete-confirm = Delete
deleted = Your inquiry was deleted.
not-found-title = Inquiry not found
not-found-body = It may have been deleted, or the address is wrong.
page-not-found = Page not found.
photo-open = View larger
photo-failed = The photo could not be loaded
photo-alt = Photo { $n }
conflict-explained = This inquiry is now '{ $status }': an agent picked it up in the meantime. See its current status and answer below.

## Goods picker
pick-goods = Choose a product
tab-orders = Recent orders
tab-search = Search products
search-goods = Search by product name or brand
no-orders = No recent orders. Try the product search tab.
no-goods-found = No results. Try another search term.

## Photos
choose-photos = Choose photos
drop-photos = or drop photos here
uploading = Uploading
photo-hint = Attach up to { $max } still photos (JPEG, PNG, GIF, WEBP), each up to { $size } and { $megapixels } megapixels. Large photos are reduced before upload, and location data (EXIF) is removed when stored.
photo-bad-type = '{ $name }': only JPEG, PNG, GIF and WEBP photos can be attached.
photo-too-large = '{ $name }': each photo can be at most { $size }.
photo-too-many = '{ $name }': you can attach at most { $max } photos.
photo-empty = '{ $name }': empty files cannot be attached.
photo-corrupt = '{ $name }': the file is damaged or not a complete image. Save the photo again and attach it.
photo-too-many-pixels = '{ $name }': the photo is too large. Each photo can have up to { $megapixels } megapixels.
photo-animated = '{ $name }': animated images can't be attached. Attach a still photo.

## Register / edit form
new-title = Ask a question
edit-title = Edit inquiry
back-to-detail = Back to the inquiry
follow-up = Follow-up question
follow-up-prefix = [Follow-up]
follow-up-of = A follow-up to inquiry { $id }.
created = Your inquiry was submitted. We'll let you know when it's answered.
updated = Your inquiry was updated.
submit-network = It could not be sent because of a network problem. Your text is still here; please try again. Sending again will not create a second inquiry.
draft-found = You have an unfinished inquiry. Continue where you left off?
draft-restore = Continue
draft-discard = Discard
fix-these = Please check the following.
type = Inquiry type
type-group = Category
choose-type-group = Choose a category
choose-type = Choose a type
goods-needed-short = product required
goods-needed = This type needs a product
title = Title
goods = Product
change-goods = Choose another product
unpick-goods = Remove
pii-notice = Please don't include personal details such as phone numbers, bank accounts or addresses.
sms-consent = Notify me by KakaoTalk when it's answered (by text message if KakaoTalk can't reach me)
email-consent = Notify me by email when it's answered
conflict-answer = The answer
your-text = What you wrote (copy it into a follow-up question)
submit = Submit
save-changes = Save changes
submitting = Sending…
counter = { $len }/{ $max }
edit-conflict = This inquiry is now '{ $status }': an agent picked it up in the meantime. Your text is kept below; please send it as a follow-up question.
type-required = Please choose an inquiry type.
field-required = { $field } is required.
field-too-long = { $field } can be at most { $max } characters (now { $len }).
field-control-character = { $field } contains a hidden control character ({ $char }) that can't be saved. Delete it and type again.
field-one-line = { $field } must be on one line (no line breaks or tabs).
field-too-long-max = { $field } can be at most { $max } characters.
goods-required = The chosen inquiry type needs a product.
field-invalid = { $field } is not valid. Please choose again.

## Errors from the API
error-network = Can't reach the server. Please check your connection and try again.
page-load-failed = This page could not be loaded. Please check your connection and try again.
error-unauthorized = Please log in again to continue.
error-not-found = What you asked for could not be found.
error-server = Something went wrong on our side. Please try again in a moment.
error-decode = The server's answer could not be read. Please try again in a moment.
error-validation = The request could not be processed. Please check what you entered.
error-too-large = The photos are too large. Attach fewer or smaller photos and try again.
error-replay-deleted = The inquiry this request created has been deleted. Your text is still here: press the button again to register it anew.
error-too-many = Too many requests in a short time. Try again in { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
}. Your text is still here.

## Answer satisfaction (on an answered inquiry)
rating-title = Did this answer help?
rating-satisfied = Satisfied
rating-unsatisfied = Not satisfied
rating-reason = What was missing
rating-reason-choose = Choose one
rating-reason-unresolved = My problem was not solved
rating-reason-unclear = The answer was hard to understand
rating-reason-slow = The answer came too late
rating-reason-unkind = The reply was not courteous
rating-reason-other = Something else
rating-comment = Comment (optional, up to { $max } characters)
rating-submit = Send rating
rating-choose = Choose satisfied or not satisfied.
rating-reason-required = Choose what was missing.
rating-given-satisfied = You rated this answer as satisfying. Thank you.
rating-given-unsatisfied = You rated this answer as not satisfying: { $reason }
rating-your-comment = Your comment: { $comment }
rating-follow-up = If something is still unresolved, ask a follow-up question.
rating-already = You have already rated this answer. An answer can be rated once.

## When the answer is due (business days)
answer-due-label = Answer expected
answer-due = We will answer by { $at } (business days).
