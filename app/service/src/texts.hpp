#pragma once
// Texts the service answers with, from the catalogue (assets/texts): the
// current 利用規約 and 個人情報取り扱い (terms.txt; GET /terms, applications
// must name these versions), the client-version notice (notice.txt;
// GET /notices), and the completion mail (mails.txt).

#include "careplan/core/model.hpp"
#include "careplan/service/store.hpp"

namespace careplan::service {

const core::Terms& current_terms();
const core::Notice& current_notice();

// The 更新完了 mail of an accepted application, due on its notify_by date.
OutboxMail completion_mail(const StoredApplication& application, const Office& office);

}  // namespace careplan::service
