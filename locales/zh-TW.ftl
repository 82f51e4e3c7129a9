# inquiry-desk messages — Traditional Chinese (Taiwan). Message ids and variables must match
# ko.ftl exactly, or the build fails (see build.rs).

app-title = 一對一客服諮詢
new-inquiry = 我要諮詢

## 列表：篩選
period = 查詢期間
custom-period = 自訂
start-date = 開始日期
end-date = 結束日期
apply = 查詢
status = 處理狀態
all-statuses = 全部
search-by = 搜尋條件
search-keyword = 標題·內容
search-order-no = 訂單編號
search-placeholder = 請輸入關鍵字
search = 搜尋
preset-week = 1 週
preset-month = 1 個月
preset-three-months = 3 個月
preset-six-months = 6 個月
preset-year = 1 年
period-missing = 請輸入開始日期與結束日期。
period-start-after-end = 開始日期不能晚於結束日期。
period-end-in-future = 結束日期不能晚於今天。
period-too-long = 查詢期間最長 { $max } 天（目前選擇：{ $days } 天）。

## 列表：表格
list-caption = 我的一對一諮詢
col-type = 諮詢類型
col-title = 標題
col-goods = 商品
col-order = 訂單編號
col-created = 提問日
col-status = 狀態
empty-list = 此期間內沒有諮詢紀錄。
empty-hint = 有任何問題，歡迎隨時詢問。
total-count = 共 { $count } 筆
page-of = 第 { $page } / { $total } 頁
prev-page = 上一頁
next-page = 下一頁
pagination = 頁面

## 共用
retry = 重試
loading = 載入中…
back-to-list = 返回列表
edit = 修改
delete = 刪除
cancel = 取消
close = 關閉
remove = 移除
more = 顯示更多
price = ₩{ $amount }

## 狀態
status-received = 已受理
status-in-progress = 處理中
status-answered = 已回覆
status-hint-received = 等待客服確認
status-hint-in-progress = 客服確認中
status-hint-answered = 請查看回覆
new-answer = 新回覆
lock-in-progress = 客服確認中的諮詢無法修改或刪除。
lock-answered = 已回覆的諮詢無法修改或刪除。

## 詳細內容
content = 諮詢內容
order-no = 訂單編號
order-date = 訂購日
created-at = 提問時間
answered-at = 回覆時間
photos = 附加照片
replies = 回覆
no-reply-yet = 尚未回覆。回覆後將顯示於此。
reply-counselor = 客服人員
reply-seller = 賣家
delete-title = 要刪除這筆諮詢嗎？
delete-body = 刪除的諮詢與照片將無法復原。
delete-confirm = 刪除
deleted = 已刪除諮詢。
not-found-title = 找不到這筆諮詢
not-found-body = 可能已被刪除，或網址有誤。
page-not-found = 找不到頁面。
photo-open = 放大檢視
photo-failed = 無法載入照片
photo-alt = 附加照片 { $n }
conflict-explained = 這筆諮詢目前為「{ $status }」：客服已在此期間確認。請在下方查看最新狀態與回覆。

## 選擇商品
pick-goods = 選擇商品
tab-orders = 最近訂購的商品
tab-search = 搜尋商品
search-goods = 以商品名稱或品牌搜尋
no-orders = 沒有最近訂購的商品。請在「搜尋商品」中尋找。
no-goods-found = 找不到結果，請換個關鍵字。

## 照片
choose-photos = 選擇照片
drop-photos = 或將照片拖曳到這裡
uploading = 上傳中
photo-hint = 最多可附加 { $max } 張靜態照片（JPEG、PNG、GIF、WEBP），每張最大 { $size }、{ $megapixels } 百萬像素。較大的照片會先自動縮小，儲存時會移除位置資訊（EXIF）。
photo-bad-type = 「{ $name }」：只能附加 JPEG、PNG、GIF、WEBP 照片。
photo-too-large = 「{ $name }」：每張照片最大 { $size }。
photo-too-many = 「{ $name }」：照片最多 { $max } 張。
photo-empty = 「{ $name }」：無法附加空白檔案。
photo-corrupt = 「{ $name }」：檔案已損壞或不是完整的圖片。請重新儲存照片後再附加。
photo-too-many-pixels = 「{ $name }」：照片太大。每張照片最多 { $megapixels } 百萬像素。
photo-animated = 「{ $name }」：無法附加動態圖片。請附加靜態照片。

## 提問／修改
new-title = 我要諮詢
edit-title = 修改諮詢
back-to-detail = 返回諮詢
follow-up = 追加提問
follow-up-prefix = [追加提問]
follow-up-of = 這是針對諮詢 { $id } 的追加提問。
created = 已送出諮詢。回覆後會通知您。
updated = 已修改諮詢。
submit-network = 因網路問題無法送出。您填寫的內容仍保留在此，請再試一次。重新送出也只會建立一筆諮詢。
draft-found = 有尚未完成的諮詢，要繼續填寫嗎？
draft-restore = 繼續填寫
draft-discard = 刪除
fix-these = 請確認填寫內容。
type = 諮詢類型
type-group = 諮詢分類
choose-type-group = 選擇分類
choose-type = 選擇細項
goods-needed-short = 需選擇商品
goods-needed = 此類型需要選擇商品
title = 標題
goods = 諮詢商品
change-goods = 選擇其他商品
unpick-goods = 取消選擇
pii-notice = 請勿填寫電話號碼、帳號、地址等個人資料。
sms-consent = 回覆後以 KakaoTalk 通知我（無法送達時改以簡訊）
email-consent = 回覆後以電子郵件通知我
conflict-answer = 客服回覆
your-text = 您填寫的內容（可複製到追加提問）
submit = 送出諮詢
save-changes = 儲存修改
submitting = 傳送中…
counter = { $len } / { $max } 字
edit-conflict = 這筆諮詢目前為「{ $status }」：客服已在此期間確認。您填寫的內容保留在下方，請以追加提問送出。
type-required = 請選擇諮詢類型。
field-required = 請輸入{ $field }。
field-too-long = { $field }最多 { $max } 字（目前 { $len } 字）。
field-control-character = { $field }含有無法儲存的隱藏控制字元（{ $char }）。請刪除後重新輸入。
field-one-line = { $field }只能輸入一行（不可換行或使用定位字元）。
field-too-long-max = { $field }最多 { $max } 字。
goods-required = 所選的諮詢類型需要選擇商品。
field-invalid = { $field }的值不正確，請重新選擇。

## API 錯誤
error-network = 無法連線到伺服器。請確認網路連線後再試一次。
page-load-failed = 無法載入此頁面。請確認網路連線後再試一次。
error-unauthorized = 請重新登入後再使用。
error-not-found = 找不到您要的資料。
error-server = 暫時無法處理您的要求，請稍後再試。
error-decode = 無法解讀伺服器的回應，請稍後再試。
error-validation = 無法處理此要求，請確認填寫內容。
error-too-large = 附加的照片太大。請減少照片數量或改用較小的照片後再試。
error-replay-deleted = 此次送出所建立的諮詢已被刪除。您填寫的內容仍保留，若要重新登記請再按一次。
error-too-many = 請求過於頻繁。請在 { $seconds } 秒後再試。您填寫的內容仍保留。

## 回覆滿意度（已回覆的諮詢）
rating-title = 這個回覆有幫助嗎？
rating-satisfied = 滿意
rating-unsatisfied = 不滿意
rating-reason = 不滿意的原因
rating-reason-choose = 請選擇
rating-reason-unresolved = 問題沒有解決
rating-reason-unclear = 回覆難以理解
rating-reason-slow = 回覆太慢
rating-reason-unkind = 回覆不夠親切
rating-reason-other = 其他
rating-comment = 意見（選填，{ $max } 字以內）
rating-submit = 送出評價
rating-choose = 請選擇滿意或不滿意。
rating-reason-required = 請選擇不滿意的原因。
rating-given-satisfied = 您已評價此回覆為滿意。謝謝您。
rating-given-unsatisfied = 您已評價此回覆為不滿意：{ $reason }
rating-your-comment = 您的意見：{ $comment }
rating-follow-up = 如果仍有未解決的問題，請追加提問。
rating-already = 此回覆已評價過。每個回覆只能評價一次。

## When the answer is due (business days)
answer-due-label = 預計回覆
answer-due = 我們將於 { $at } 前回覆（以營業日計算）。
